using System.Globalization;
using Admin.Data.Columns;
using Admin.Data.Domain;
using Admin.Data.Entities;
using Admin.Data.Time;
using Admin.Data.Validation;
using C = Admin.Data.Entities.HealthCheckColumns;

namespace Admin.Ui.Editing;

/// <summary>
/// The edit form's state: a <see cref="HealthCheckInput"/> plus the times and the birth date as the text the admin
/// types (local times of the display zone), and the errors of the last check. Stored times carry microseconds the text does not show, so a
/// time whose text is untouched keeps its stored value exactly.
/// </summary>
public sealed class HealthCheckForm
{
    private const string TimeFormat = "yyyy-MM-dd HH:mm:ss";
    private const string DayFormat = "yyyy-MM-dd";
    private static readonly string[] TimeFormats = [TimeFormat, "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm"];

    private readonly HealthCheck _stored;
    private readonly DisplayTimeZone _zone;
    private readonly Dictionary<string, string> _formatErrors = new(StringComparer.Ordinal);
    private IReadOnlyDictionary<string, string[]> _ruleErrors = new Dictionary<string, string[]>();
    private (Risk Risk, string Why)? _risk;

    public HealthCheckForm(HealthCheck stored, DisplayTimeZone zone)
    {
        _stored = stored;
        _zone = zone;
        Input = stored.ToInput();
        TimestampText = Time(stored.Timestamp);
        CompletedText = Time(stored.CompletedTimestamp);
        BirthText = stored.DateOfBirth?.ToString(DayFormat, CultureInfo.InvariantCulture) ?? "";
    }

    public HealthCheckInput Input { get; }

    /// <summary>A yes/no column and its input field; <see cref="Required"/> when stored as a plain boolean.</summary>
    public sealed record YesNoField(string Name, string Label, bool Required, Func<HealthCheckInput, bool?> Get, Action<HealthCheckInput, bool?> Set);

    /// <summary>The table's yes/no columns in table order: the form shows each without naming it.</summary>
    public static readonly IReadOnlyList<YesNoField> YesNo = C.Table
        .Where(c => c.Writer == ColumnWriter.Client && (c.ValueType == typeof(bool) || c.ValueType == typeof(bool?)))
        .Select(c => new YesNoField(c.Name, c.Label, c.ValueType == typeof(bool),
            Projection.Getter<HealthCheckInput, bool?>(c.Name), Projection.Setter<HealthCheckInput, bool?>(c.Name)))
        .ToList();
    public Guid Id => _stored.Id;
    /// <summary>The version the form was opened at: the save's concurrency token.</summary>
    public uint Version => _stored.Version;
    public Risk StoredRisk => _stored.Risk;

    public string TimestampText { get; set; }
    public string CompletedText { get; set; }
    public string BirthText { get; set; }

    /// <summary>Errors to show under a field: the text's format first, then the rules'.</summary>
    public string? ErrorFor(string field) =>
        _formatErrors.TryGetValue(field, out var format) ? format
        : _ruleErrors.TryGetValue(field, out var rules) ? string.Join(" ", rules)
        : null;

    public bool HasError(string field) => ErrorFor(field) is not null;

    public int ErrorCount => _formatErrors.Keys.Union(_ruleErrors.Keys).Count();

    /// <summary>Reads the texts into the input and runs the shared rules; true when the form can be saved.</summary>
    public bool Check(HealthCheckValidator validator)
    {
        _formatErrors.Clear();
        Input.Timestamp = ParseTime(C.Timestamp.Name, TimestampText, _stored.Timestamp);
        Input.CompletedTimestamp = ParseTime(C.CompletedTimestamp.Name, CompletedText, _stored.CompletedTimestamp);
        Input.DateOfBirth = ParseDay(BirthText);
        var result = validator.Validate(Input);
        _ruleErrors = result.Errors;
        _risk = _formatErrors.ContainsKey(C.Timestamp.Name) ? null : result.Risk;
        return result.IsValid && _formatErrors.Count == 0;
    }

    /// <summary>Shows errors the server found at save time (e.g. a deduplication id taken meanwhile).</summary>
    public void ShowErrors(IReadOnlyDictionary<string, string[]> errors) => _ruleErrors = errors;

    /// <summary>
    /// The risk the current answers give, and why (from the last <see cref="Check"/>); null while an answer the rules
    /// read, or the time, is missing or invalid. The validator computes it, so what the form shows is what will be stored.
    /// </summary>
    public (Risk Risk, string Why)? LiveRisk() => _risk;

    private DateTimeOffset? ParseTime(string field, string text, DateTimeOffset stored)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            _formatErrors[field] = $"Enter the time as YYYY-MM-DD HH:MM:SS ({_zone.Label}).";
            return null;
        }
        if (TryTime(text, stored, out var t)) return t;
        _formatErrors[field] = $"Write the time as YYYY-MM-DD HH:MM:SS ({_zone.Label}), e.g. 2021-07-05 09:30:00.";
        return null;
    }

    private bool TryTime(string text, DateTimeOffset stored, out DateTimeOffset value)
    {
        var trimmed = text.Trim();
        // Untouched: keep the stored instant to the microsecond.
        if (trimmed == Time(stored)) { value = stored; return true; }
        // A local time of the display zone.
        var ok = DateTime.TryParseExact(trimmed, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local);
        value = ok ? _zone.FromLocal(local) : default;
        return ok;
    }

    private DateOnly? ParseDay(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateOnly.TryParseExact(text.Trim(), DayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return day;
        _formatErrors[C.DateOfBirth.Name] = "Write the date as YYYY-MM-DD, e.g. 1990-04-02, or leave it empty.";
        return null;
    }

    private string Time(DateTimeOffset t) => _zone.Format(t, TimeFormat);

    /// <summary>The label of a time field: "Time (SAST)".</summary>
    public string TimeLabel(string title) => $"{title} ({_zone.Label})";
}
