using Npgsql;

namespace Admin.Data.Listing;

/// <summary>Collects a statement's parameters and hands out their placeholders (@p0, @p1...). Values never enter SQL text.</summary>
public sealed class SqlParameters
{
    private readonly List<NpgsqlParameter> _list = [];

    public IReadOnlyList<NpgsqlParameter> List => _list;

    public string Add(object value)
    {
        var name = "p" + _list.Count;
        _list.Add(new NpgsqlParameter(name, value is DateTimeOffset d ? d.ToUniversalTime() : value));
        return "@" + name;
    }

    /// <summary>Fresh copies for another command (an NpgsqlParameter belongs to one command at a time).</summary>
    public NpgsqlParameter[] Clone() => _list.Select(p => p.Clone()).ToArray();
}
