using System.Text;
using NextRouteHandlers.Http;

namespace NextRouteHandlers.Tests.Http;

public class FormDataTests
{
    private const string Boundary = "----b";

    private static Task<FormData> Parse(string contentType, string body) =>
        FormDataParser.ParseAsync(contentType, new MemoryStream(Encoding.UTF8.GetBytes(body)), CancellationToken.None);

    private static string Multipart(params string[] parts) =>
        string.Concat(parts.Select(p => $"--{Boundary}\r\n{p}\r\n")) + $"--{Boundary}--\r\n";

    [Fact]
    public async Task Urlencoded_keeps_repeated_keys_in_order_and_decodes_plus()
    {
        var form = await Parse("application/x-www-form-urlencoded", "name=Ada+Lovelace&multi=1&multi=2&enc=%E2%9C%93&empty=");

        Assert.Equal("Ada Lovelace", form.GetString("name"));
        Assert.Equal(["1", "2"], form.GetAll("multi").Select(e => e.Value));
        Assert.Equal("✓", form.GetString("enc"));
        Assert.Equal(string.Empty, form.GetString("empty"));
    }

    [Fact]
    public async Task Multipart_yields_fields_and_files_in_order()
    {
        var form = await Parse($"multipart/form-data; boundary={Boundary}", Multipart(
            "Content-Disposition: form-data; name=\"title\"\r\n\r\nHello",
            "Content-Disposition: form-data; name=\"upload\"; filename=\"note.txt\"\r\nContent-Type: text/plain\r\n\r\nfile contents\nline2",
            "Content-Disposition: form-data; name=\"title\"\r\n\r\nAgain"));

        Assert.Equal(["title", "upload", "title"], form.Select(e => e.Name));
        var file = form.GetFile("upload")!;
        Assert.Equal(("note.txt", "text/plain", 19L, "file contents\nline2"), (file.Name, file.Type, file.Size, file.Text()));
        Assert.Equal("Hello", form.GetString("title"));
    }

    [Theory]
    [InlineData("text/plain", "a=1")]
    [InlineData("application/json", "{}")]
    [InlineData(null, "a=1")]
    [InlineData("multipart/form-data", "--x\r\n")]
    public async Task A_body_that_is_not_a_form_is_refused(string? contentType, string body) =>
        await Assert.ThrowsAsync<FormDataException>(() => Parse(contentType!, body));

    [Theory]
    [InlineData("--other\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--other--\r\n")]
    [InlineData("------b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nnever closed")]
    [InlineData("------b\r\nContent-Type: text/plain\r\n\r\nno disposition\r\n------b--\r\n")]
    public async Task A_malformed_multipart_body_is_a_form_data_error(string body) =>
        await Assert.ThrowsAsync<FormDataException>(() => Parse($"multipart/form-data; boundary={Boundary}", body));

    [Fact]
    public async Task Typed_fields_convert_with_the_invariant_culture()
    {
        var form = await Parse("application/x-www-form-urlencoded", "qty=3&price=9.5&when=2026-11-24&flag=true");

        Assert.Equal(3, form.Get<int>("qty"));
        Assert.Equal(9.5m, form.Get<decimal>("price"));
        Assert.Equal(new DateOnly(2026, 11, 24), form.Get<DateOnly>("when"));
        Assert.True(form.Get<bool>("flag"));
        Assert.Equal(7, form.GetOrDefault("missing", 7));
    }

    [Theory]
    [InlineData("qty=abc", "Form field 'qty' must be a whole number; got 'abc'.")]
    [InlineData("other=1", "Form field 'qty' is required.")]
    public async Task A_typed_field_that_does_not_convert_explains_itself(string body, string message)
    {
        var form = await Parse("application/x-www-form-urlencoded", body);

        var error = Assert.Throws<FormFieldException>(() => form.Get<int>("qty"));

        Assert.Equal(message, error.Message);
        Assert.Equal("qty", error.Field);
        Assert.IsAssignableFrom<BadRequestException>(error);
    }
}
