using NextRouteHandlers.Caching;
using NextRouteHandlers.Caching.Engine;

namespace NextRouteHandlers.Tests.Caching.Engine;

public class CacheFreshnessTests
{
    private static readonly DateTimeOffset Rendered = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
    private static readonly IReadOnlyDictionary<string, TagState> NoTags = new Dictionary<string, TagState>();

    private static CacheEntry Entry(int? revalidate = null, int? expire = null, params string[] tags) => new()
    {
        Status = 200,
        Headers = [],
        Body = [],
        LastModified = Rendered,
        Revalidate = revalidate,
        Expire = expire,
        Tags = tags,
    };

    private static IReadOnlyDictionary<string, TagState> Tag(string tag, DateTimeOffset? stale, DateTimeOffset? expired) =>
        new Dictionary<string, TagState> { [tag] = new TagState(tag, stale, expired) };

    [Fact]
    public void An_entry_without_revalidate_stays_fresh()
    {
        Assert.Equal(Freshness.Fresh, CacheFreshness.Of(Entry(), NoTags, Rendered.AddYears(2)));
    }

    [Fact]
    public void Past_revalidate_it_is_stale_and_past_expire_it_is_expired()
    {
        var entry = Entry(revalidate: 60, expire: 3600);

        Assert.Equal(Freshness.Fresh, CacheFreshness.Of(entry, NoTags, Rendered.AddSeconds(60)));
        Assert.Equal(Freshness.Stale, CacheFreshness.Of(entry, NoTags, Rendered.AddSeconds(61)));
        Assert.Equal(Freshness.Expired, CacheFreshness.Of(entry, NoTags, Rendered.AddSeconds(3601)));
    }

    [Fact]
    public void A_tag_marked_stale_after_the_render_makes_it_stale_and_one_before_does_not()
    {
        var entry = Entry(tags: "products");

        Assert.Equal(Freshness.Stale, CacheFreshness.Of(entry, Tag("products", Rendered.AddSeconds(1), null), Rendered.AddSeconds(2)));
        Assert.Equal(Freshness.Fresh, CacheFreshness.Of(entry, Tag("products", Rendered.AddSeconds(-1), null), Rendered.AddSeconds(2)));
        Assert.Equal(Freshness.Fresh, CacheFreshness.Of(entry, Tag("other", Rendered.AddSeconds(1), null), Rendered.AddSeconds(2)));
    }

    [Fact]
    public void A_tag_expiry_counts_once_its_time_has_come()
    {
        var entry = Entry(tags: "products");
        var expiresLater = Tag("products", Rendered.AddSeconds(1), Rendered.AddSeconds(10));

        Assert.Equal(Freshness.Stale, CacheFreshness.Of(entry, expiresLater, Rendered.AddSeconds(5)));
        Assert.Equal(Freshness.Expired, CacheFreshness.Of(entry, expiresLater, Rendered.AddSeconds(10)));
    }
}
