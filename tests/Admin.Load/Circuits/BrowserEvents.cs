using System.Text.Json.Nodes;

namespace Admin.Load.Circuits;

/// <summary>
/// The event arguments a browser sends for each kind of event (blazor.web.js's EventTypes), as JSON. The server's
/// readers for the standard events refuse unknown properties, so each carries exactly its type's fields.
/// </summary>
public static class BrowserEvents
{
    public static JsonObject Click() => Mouse("click", detail: 1);

    public static JsonObject Mouse(string type, int detail = 0) => new()
    {
        ["type"] = type, ["detail"] = detail, ["screenX"] = 400, ["screenY"] = 300, ["clientX"] = 400, ["clientY"] = 300,
        ["offsetX"] = 10, ["offsetY"] = 10, ["pageX"] = 400, ["pageY"] = 300, ["movementX"] = 0, ["movementY"] = 0,
        ["button"] = 0, ["buttons"] = 0, ["ctrlKey"] = false, ["shiftKey"] = false, ["altKey"] = false, ["metaKey"] = false,
    };

    /// <summary>PointerEventArgs: MouseEventArgs and the pointer's fields.</summary>
    public static JsonObject Pointer(string type)
    {
        var args = Mouse(type);
        args["pointerId"] = 1; args["width"] = 1; args["height"] = 1; args["pressure"] = 0; args["tiltX"] = 0; args["tiltY"] = 0;
        args["pointerType"] = "mouse"; args["isPrimary"] = true;
        return args;
    }

    /// <summary>"change" and "input" carry the new value.</summary>
    public static JsonObject Value(string value) => new() { ["value"] = value };

    public static JsonObject Key(string type, string key) => new()
    {
        ["type"] = type, ["key"] = key, ["code"] = key, ["location"] = 0, ["repeat"] = false,
        ["ctrlKey"] = false, ["shiftKey"] = false, ["altKey"] = false, ["metaKey"] = false, ["isComposing"] = false,
    };

    public static JsonObject Focus(string type) => new() { ["type"] = type };
}
