namespace Admin.Data.Tests.Exports;

/// <summary>
/// The rule a CSV export applies to text cells, written independently of its SQL: a cell a spreadsheet would run as a
/// formula (starting with =, +, -, @, tab or CR) gets a leading single quote, unless it is a sign followed only by
/// digits, dots, spaces and asterisks (a phone number, its masked form, a negative number).
/// </summary>
public static class SpreadsheetSafe
{
    public static string? Cell(string? value)
    {
        if (string.IsNullOrEmpty(value)) return value;
        var formula = value[0] switch
        {
            '=' or '@' or '\t' or '\r' => true,
            '+' or '-' => value.AsSpan(1).TrimStart("0123456789. *").Length > 0,
            _ => false,
        };
        return formula ? "'" + value : value;
    }
}
