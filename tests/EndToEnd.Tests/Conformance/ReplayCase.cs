using NextRouteHandlers.Testing.Conformance;
using Xunit.Abstractions;

namespace NextRouteHandlers.EndToEnd.Tests.Conformance;

/// <summary>
/// One recorded case as a theory argument: which corpus, where in its file, and the id and group the test's display
/// name shows (<c>Replays(replay: route-slug-basic [routing])</c>). Serializable, so every case is its own test.
/// </summary>
public sealed class ReplayCase : IXunitSerializable
{
    /// <summary>For the serializer.</summary>
    public ReplayCase()
    {
    }

    private ReplayCase(string corpus, int index, ConformanceCase testCase)
    {
        Corpus = corpus;
        Index = index;
        Id = testCase.Id;
        Group = testCase.Group;
    }

    /// <summary>The corpus name (<see cref="ConformanceCorpus.Name"/>).</summary>
    public string Corpus { get; private set; } = string.Empty;

    /// <summary>The case's position in its file; cases run in this order.</summary>
    public int Index { get; private set; }

    /// <summary>The case id.</summary>
    public string Id { get; private set; } = string.Empty;

    /// <summary>The case's group.</summary>
    public string Group { get; private set; } = string.Empty;

    /// <summary>Every case of <paramref name="corpus"/>, in file order.</summary>
    /// <param name="corpus">The corpus.</param>
    public static TheoryData<ReplayCase> All(ConformanceCorpus corpus)
    {
        var data = new TheoryData<ReplayCase>();
        for (var i = 0; i < corpus.Cases.Count; i++) data.Add(new ReplayCase(corpus.Name, i, corpus.Cases[i]));
        return data;
    }

    /// <summary>The recorded case this argument names.</summary>
    public ConformanceCase Resolve()
    {
        var testCase = ConformanceCorpus.Named(Corpus).Cases[Index];
        return testCase.Id == Id ? testCase : throw new InvalidOperationException($"{Corpus} case {Index} is {testCase.Id}, not {Id}: the case file changed after discovery");
    }

    /// <inheritdoc />
    public void Deserialize(IXunitSerializationInfo info)
    {
        Corpus = info.GetValue<string>(nameof(Corpus));
        Index = info.GetValue<int>(nameof(Index));
        Id = info.GetValue<string>(nameof(Id));
        Group = info.GetValue<string>(nameof(Group));
    }

    /// <inheritdoc />
    public void Serialize(IXunitSerializationInfo info)
    {
        info.AddValue(nameof(Corpus), Corpus);
        info.AddValue(nameof(Index), Index);
        info.AddValue(nameof(Id), Id);
        info.AddValue(nameof(Group), Group);
    }

    /// <summary><c>id [group]</c>: what the test's display name shows.</summary>
    public override string ToString() => $"{Id} [{Group}]";
}
