using System.Text;
using CsCheck;
using NextRouteHandlers.Http;
using NextRouteHandlers.Pipeline;
using NextRouteHandlers.Routing;
using NextRouteHandlers.Testing;
using NextRouteHandlers.Urls;
using NextRouteHandlers.Manifest;

namespace NextRouteHandlers.Tests.Properties;

/// <summary>
/// Property-based tests (CsCheck, bounded iterations): the matcher and the parsers accept any input without an
/// unexpected exception, and what is encoded decodes back to itself.
/// </summary>
public class ParserPropertyTests
{
    private const int Iterations = 3000;

    /// <summary>Text without lone surrogates (what a URL can carry), including '/', '%', '+', spaces and non-ASCII.</summary>
    private static readonly Gen<string> Text = Gen.OneOf(
        Gen.OneOfConst("a", "b", "Z", "0", "/", "%", "%2F", "+", " ", ".", "..", "-", "_", "~", "é", "😀", "?", "#", "&", "=", ";", ",", "\\", "\"", "'")
            .Array[0, 12].Select(string.Concat),
        Gen.String[Gen.Char.AlphaNumeric, 0, 12],
        Gen.String.Where(s => !HasLoneSurrogate(s)));

    /// <summary>Anything, lone surrogates and control characters included.</summary>
    private static readonly Gen<string> Anything = Gen.OneOf(Gen.String, Gen.String[Gen.Char["%/.\\EA0123456789"], 0, 32]);

    private static readonly RouteMatcher<RouteDefinition> Matcher = new(new[] { "/", "/about", "/blog/new", "/blog/[slug]", "/blog/[slug]/comments", "/blog/[...rest]", "/docs/[[...path]]", "/[lang]/about", "/shop/[category]/[item]" }
        .Select(p => Routes.Define(p, new RouteHandlerTable())));

    [Fact]
    public void Encoded_text_decodes_back_to_itself() =>
        Text.Sample(s => UriComponent.TryDecode(UriComponent.Encode(s), out var decoded) && decoded == s, iter: Iterations);

    [Fact]
    public void Decoding_anything_never_throws_and_never_yields_a_lone_surrogate() =>
        Anything.Sample(s => !UriComponent.TryDecode(s, out var decoded) || !HasLoneSurrogate(decoded) || HasLoneSurrogate(s), iter: Iterations);

    [Fact]
    public void A_parameter_value_survives_the_trip_through_a_url() =>
        Gen.Select(Text.Where(s => s.Length > 0), Text.Where(s => s.Length > 0)).Sample((category, item) =>
        {
            var match = Matcher.Match("/shop/" + UriComponent.Encode(category) + "/" + UriComponent.Encode(item));
            return match.Status == RouteMatchStatus.Matched && match.Params!["category"] == category && match.Params["item"] == item;
        }, iter: Iterations);

    [Fact]
    public void Catch_all_segments_survive_the_trip_through_a_url() =>
        Text.Where(s => s.Length > 0).Array[1, 6].Sample(segments =>
        {
            var match = Matcher.Match("/docs/" + string.Join('/', segments.Select(UriComponent.Encode)));
            return match.Status == RouteMatchStatus.Matched && match.Params!.GetAll("path").SequenceEqual(segments);
        }, iter: Iterations);

    [Fact]
    public void Matching_any_path_gives_a_result_never_an_exception() =>
        Anything.Sample(s =>
        {
            var match = Matcher.Match("/" + s);
            return match.Status != RouteMatchStatus.Matched || match.Route is not null;
        }, iter: Iterations);

    [Fact]
    public void Normalised_paths_start_with_a_slash_and_never_climb_or_repeat_slashes() =>
        Anything.Sample(s =>
        {
            var result = PathNormalizer.Normalize("/" + s, string.Empty);
            if (result.RedirectTo is not null) return result.RedirectTo.StartsWith('/');
            var segments = result.Path.Split('/');
            return result.Path.StartsWith('/') && !result.Path.Contains("//", StringComparison.Ordinal) && !segments.Contains("..") && !segments.Contains(".");
        }, iter: Iterations);

    [Fact]
    public void Search_params_round_trip_through_their_serialisation() =>
        Gen.Select(Text, Text).Array[0, 5].Sample(pairs =>
        {
            var search = new UrlSearchParams();
            foreach (var (name, value) in pairs) search.Append(name, value);
            return new UrlSearchParams(search.ToString()).SequenceEqual(search);
        }, iter: Iterations);

    [Fact]
    public void Any_query_parses_and_reads_back_the_same_through_its_serialisation() =>
        Anything.Sample(s =>
        {
            var parsed = new UrlSearchParams(s);
            return new UrlSearchParams(parsed.ToString()).SequenceEqual(parsed) || HasLoneSurrogate(s);
        }, iter: Iterations);

    [Fact]
    public void Any_cookie_header_parses_into_names_without_separators() =>
        Anything.Sample(s => new RequestCookies(s).GetAll().All(c => !c.Name.Contains(';', StringComparison.Ordinal) && !c.Name.StartsWith(' ')), iter: Iterations);

    [Fact]
    public void A_cookie_value_survives_set_cookie_serialisation() =>
        Gen.Select(Gen.String[Gen.Char.AlphaNumeric, 1, 10], Text).Sample((name, value) =>
        {
            var parsed = SetCookieHeader.Parse(SetCookieHeader.Serialize(new ResponseCookie(name, value) { HttpOnly = true, MaxAge = 60 }));
            return parsed is not null && parsed.Name == name && parsed.Value == value && parsed.HttpOnly && parsed.MaxAge == 60;
        }, iter: Iterations);

    [Fact]
    public void Any_form_body_parses_or_fails_with_a_form_data_error() =>
        Gen.Select(Gen.OneOf(Gen.Const("application/x-www-form-urlencoded"), Gen.Const("multipart/form-data; boundary=b"), Gen.Const("text/plain")), Anything).Sample((contentType, body) =>
        {
            try
            {
                FormDataParser.ParseAsync(contentType, new MemoryStream(Encoding.UTF8.GetBytes(body)), CancellationToken.None).GetAwaiter().GetResult();
                return true;
            }
            catch (FormDataException)
            {
                return true;
            }
        }, iter: 1000);

    private static bool HasLoneSurrogate(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) i++;
            else if (char.IsSurrogate(s[i])) return true;
        }

        return false;
    }
}
