using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace NextRouteHandlers.Http;

/// <summary>Reads <c>application/x-www-form-urlencoded</c> and <c>multipart/form-data</c> bodies into <see cref="FormData"/>.</summary>
internal static class FormDataParser
{
    public static async Task<FormData> ParseAsync(string? contentType, Stream body, CancellationToken cancellationToken)
    {
        if (contentType is not null && MediaTypeHeaderValue.TryParse(contentType, out var mediaType))
        {
            if (mediaType.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
            {
                using var reader = new StreamReader(body, Encoding.UTF8);
                var text = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
                return new FormData(new UrlSearchParams(text).Select(p => new FormDataEntry(p.Key, p.Value, null)));
            }

            if (mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            {
                var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value;
                if (string.IsNullOrEmpty(boundary)) throw new FormDataException("The multipart/form-data body has no boundary in its Content-Type.");
                return await ParseMultipartAsync(boundary, body, cancellationToken).ConfigureAwait(false);
            }
        }

        throw new FormDataException("Content-Type was not one of \"multipart/form-data\" or \"application/x-www-form-urlencoded\".");
    }

    private static async Task<FormData> ParseMultipartAsync(string boundary, Stream body, CancellationToken cancellationToken)
    {
        var entries = new List<FormDataEntry>();
        var reader = new MultipartReader(boundary, body);
        try
        {
            while (await reader.ReadNextSectionAsync(cancellationToken).ConfigureAwait(false) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
                {
                    throw new FormDataException("A multipart section has no 'Content-Disposition: form-data' header.");
                }

                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? string.Empty;
                using var content = new MemoryStream();
                await section.Body.CopyToAsync(content, cancellationToken).ConfigureAwait(false);
                if (disposition.IsFileDisposition())
                {
                    var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? string.Empty;
                    entries.Add(new FormDataEntry(name, null, new FormFile(fileName, section.ContentType ?? "application/octet-stream", content.ToArray())));
                }
                else
                {
                    entries.Add(new FormDataEntry(name, Encoding.UTF8.GetString(content.GetBuffer(), 0, (int)content.Length), null));
                }
            }
        }
        catch (Exception exception) when (exception is IOException or InvalidDataException)
        {
            throw new FormDataException("Failed to parse body as FormData: " + exception.Message, exception);
        }

        return new FormData(entries);
    }
}
