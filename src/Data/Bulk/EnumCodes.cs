using System.Runtime.CompilerServices;
using Admin.Data.Domain;

namespace Admin.Data.Bulk;

/// <summary>
/// An enum's stored codes in an array indexed by the enum's value: the COPY writer looks up a code per column per row,
/// and an array index is cheaper than <see cref="Codes{T}.ToCode"/>'s dictionary lookup.
/// </summary>
internal static class EnumCodes<T> where T : struct, Enum
{
    private static readonly string[] Table = Build();

    // The domain enums are int-backed; reading the int directly avoids boxing.
    public static string Of(T value) => Table[Unsafe.As<T, int>(ref value)];

    private static string[] Build()
    {
        var values = Codes<T>.All;
        var table = new string[values.Max(v => Convert.ToInt32(v)) + 1];
        foreach (var v in values) table[Convert.ToInt32(v)] = Codes<T>.ToCode(v);
        return table;
    }
}
