using System.Reflection;
using Admin.Data.Entities;

namespace Admin.Data.Tests.Bulk;

/// <summary>Field-by-field equality of entities, naming the first field that differs.</summary>
internal static class RowAssert
{
    private static readonly PropertyInfo[] HealthCheckFields = typeof(HealthCheck).GetProperties()
        // ChangeXid and Version (xmin) are the database's own stamps, not data.
        .Where(p => p.CanWrite && p.Name is not (nameof(HealthCheck.District) or nameof(HealthCheck.ChangeXid) or nameof(HealthCheck.Version)))
        .ToArray();

    private static readonly PropertyInfo[] VaccineFields = typeof(VaccineRegistration).GetProperties()
        .Where(p => p.Name != nameof(VaccineRegistration.Id))
        .ToArray();

    public static void Equal(HealthCheck expected, HealthCheck actual) => Compare(HealthCheckFields, expected, actual);

    /// <summary>Everything but the id, which the database assigns.</summary>
    public static void Equal(VaccineRegistration expected, VaccineRegistration actual) => Compare(VaccineFields, expected, actual);

    private static void Compare(PropertyInfo[] fields, object expected, object actual)
    {
        Assert.True(fields.Length > 5);
        foreach (var f in fields)
        {
            var e = f.GetValue(expected);
            var a = f.GetValue(actual);
            Assert.True(Equals(e, a), $"{f.Name}: expected {e ?? "null"}, got {a ?? "null"}");
        }
    }
}
