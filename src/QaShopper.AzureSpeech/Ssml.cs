using System.Security;

namespace QaShopper.AzureSpeech;

/// <summary>Writes the SSML document for one line of text.</summary>
internal static class Ssml
{
    /// <summary>One <c>voice</c> element in a <c>speak</c> document; the text and attribute values are XML-escaped, so a caller's line cannot change the markup.</summary>
    public static string For(string text, string locale, string voice)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(locale);
        ArgumentNullException.ThrowIfNull(voice);
        return $"<speak version='1.0' xmlns='http://www.w3.org/2001/10/synthesis' xml:lang='{SecurityElement.Escape(locale)}'>"
            + $"<voice name='{SecurityElement.Escape(voice)}'>{SecurityElement.Escape(text)}</voice></speak>";
    }
}
