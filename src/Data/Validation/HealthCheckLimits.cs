namespace Admin.Data.Validation;

/// <summary>The bounds the validator enforces, in one place (the column sizes come from HealthCheckConfiguration).</summary>
public static class HealthCheckLimits
{
    /// <summary>The HealthCheck service launched in March 2020; nothing was checked before it existed.</summary>
    public static readonly DateTimeOffset ServiceStart = new(2020, 3, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Phones and servers disagree about the time by a little: a check this far "in the future" is still accepted.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public static readonly DateOnly EarliestBirthDate = new(1900, 1, 1);

    public const int NameLength = 255;
    public const int CityLength = 255;
    public const int SourceLength = 50;
    public const int CreatedByLength = 255;
    public const int DeduplicationIdLength = 255;
    /// <summary>An ISO 6709 string is under 40 characters; anything far longer is not one.</summary>
    public const int LocationLength = 64;
    /// <summary>Msisdn.TryNormalize reads at most this many characters.</summary>
    public const int MsisdnLength = 32;
    /// <summary>Enum codes are short ("port_of_entry"); a longer value is not worth quoting back.</summary>
    public const int CodeLength = 32;

    public const int MaxRooms = 100;
    public const int MaxPersons = 100;

    /// <summary>The extra answers (data) as UTF-8 JSON: generous for a chat flow's extras, small next to a row.</summary>
    public const int DataBytes = 16 * 1024;
    /// <summary>Real answers nest two or three levels; deep nesting only costs parser stack.</summary>
    public const int DataDepth = 16;
    /// <summary>PostgreSQL's numeric refuses exponents far beyond this ("value overflows numeric format").</summary>
    public const int DataExponent = 1000;
}
