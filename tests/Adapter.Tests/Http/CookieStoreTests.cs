using NextRouteHandlers.Http;

namespace NextRouteHandlers.Tests.Http;

public class CookieStoreTests
{
    [Fact]
    public void A_change_is_seen_by_later_reads_of_the_same_request()
    {
        var store = new CookieStore(new RequestCookies("a=1"), readOnly: false);

        store.Set("s", "1");

        Assert.Equal("1", store.Get("s")!.Value);
        Assert.Equal(["a", "s"], store.GetAll().Select(c => c.Name));
        Assert.Equal("/", store.Get("a")!.Path);
    }

    [Fact]
    public void Changes_become_set_cookie_headers_on_the_returned_response()
    {
        var store = new CookieStore(new RequestCookies(null), readOnly: false);
        var headers = new Headers();

        store.Set("s", "1");
        store.ApplyTo(headers);

        Assert.Equal(["s=1; Path=/"], headers.GetSetCookie());
    }

    [Fact]
    public void A_cookie_the_response_sets_itself_wins_by_name_and_comes_first()
    {
        var store = new CookieStore(new RequestCookies(null), readOnly: false);
        var headers = new Headers();
        headers.Append("set-cookie", "s=2");
        headers.Append("set-cookie", "token=abc");

        store.Set("a", "1").Set("s", "1");
        store.ApplyTo(headers);

        Assert.Equal(["s=2; Path=/", "token=abc; Path=/", "a=1; Path=/"], headers.GetSetCookie());
    }

    [Fact]
    public void Without_changes_the_response_headers_pass_through_untouched()
    {
        var store = new CookieStore(new RequestCookies("a=1"), readOnly: false);
        var headers = new Headers();
        headers.Append("set-cookie", "token=abc");

        store.ApplyTo(headers);

        Assert.Equal(["token=abc"], headers.GetSetCookie());
    }

    [Fact]
    public void A_force_static_store_refuses_changes() =>
        Assert.Throws<InvalidOperationException>(() => new CookieStore(RequestCookies.Empty, readOnly: true).Set("a", "1"));
}
