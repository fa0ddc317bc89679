namespace Admin.Data.Domain;

/// <summary>The text a closed-set value is stored and exchanged as (e.g. "ZA-GP", "&lt;18").</summary>
[AttributeUsage(AttributeTargets.Field)]
public sealed class CodeAttribute(string code) : Attribute
{
    public string Code { get; } = code;
}
