namespace QaShopper.AzureSpeech;

/// <summary>
/// Handles SAS URLs of Azure Blob Storage, whose query string is a bearer secret: anyone holding it may read and delete
/// the container. Everything shown to people goes through <see cref="Redact(Uri)"/> or <see cref="Redact(string, Uri?)"/>.
/// </summary>
internal static class BlobSas
{
    private const string Hidden = "?***";

    /// <summary>The URL without its query string, with <c>?***</c> where the SAS token was.</summary>
    public static string Redact(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri)
        {
            // A relative value is shown up to its query only: it is refused anyway, but may still carry a token.
            var text = url.OriginalString;
            var query = text.IndexOf('?', StringComparison.Ordinal);
            return query < 0 ? text : text[..query] + Hidden;
        }

        var bare = url.GetLeftPart(UriPartial.Path);
        return url.Query.Length > 1 ? bare + Hidden : bare;
    }

    /// <summary>
    /// <paramref name="text"/> with the SAS token of <paramref name="container"/> removed, in every form a message could
    /// carry it (as configured, escaped or unescaped), and any other <c>sig=</c> value too.
    /// </summary>
    public static string Redact(string text, Uri? container)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (container is { IsAbsoluteUri: true } && container.Query.Length > 1)
        {
            // The whole URL first, so a message keeps the container's address; then the token on its own.
            var shown = Redact(container);
            text = text.Replace(container.OriginalString, shown, StringComparison.Ordinal).Replace(container.AbsoluteUri, shown, StringComparison.Ordinal);
            var query = container.Query[1..];
            foreach (var form in new[] { query, Uri.UnescapeDataString(query) })
            {
                text = text.Replace(form, "***", StringComparison.Ordinal);
            }

            if (Signature(container) is { Length: > 0 } sig)
            {
                text = text.Replace(sig, "***", StringComparison.Ordinal).Replace(Uri.EscapeDataString(sig), "***", StringComparison.Ordinal);
            }
        }

        return text;
    }

    /// <summary>True when the URL's query string carries a signature (<c>sig</c>), the part that makes it a SAS URL.</summary>
    public static bool HasSignature(Uri url) => Signature(url) is { Length: > 0 };

    /// <summary>The URL of blob <paramref name="name"/> in the container, with the container's SAS token.</summary>
    public static Uri BlobUrl(Uri container, string name)
    {
        ArgumentNullException.ThrowIfNull(container);
        ArgumentException.ThrowIfNullOrEmpty(name);
        var path = container.GetLeftPart(UriPartial.Path).TrimEnd('/');
        return new Uri($"{path}/{name}{container.Query}");
    }

    /// <summary><paramref name="url"/> with more query parameters after its SAS token (<c>comp=block&amp;blockid=…</c>).</summary>
    public static Uri WithQuery(Uri url, string parameters)
    {
        ArgumentNullException.ThrowIfNull(url);
        return new Uri(url.AbsoluteUri + (url.Query.Length > 1 ? "&" : "?") + parameters);
    }

    private static string? Signature(Uri url)
    {
        if (!url.IsAbsoluteUri || url.Query.Length <= 1)
        {
            return null;
        }

        foreach (var pair in url.Query[1..].Split('&'))
        {
            if (pair.StartsWith("sig=", StringComparison.OrdinalIgnoreCase))
            {
                return Uri.UnescapeDataString(pair[4..]);
            }
        }

        return null;
    }
}
