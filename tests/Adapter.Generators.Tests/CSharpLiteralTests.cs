using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NextRouteHandlers.Generators.Tests;

/// <summary>The one string-literal escaper: every value it writes is read back by the C# compiler as the same value.</summary>
public class CSharpLiteralTests
{
    public static TheoryData<string> Values => new()
    {
        string.Empty,
        "/blog/[slug]",
        "quote \" and backslash \\",
        "line\nfeed, carriage\rreturn, tab\t, null\0, bell\a, backspace\b, form\ffeed, vertical\vtab",
        "escape \u001b and delete \u007f and C1 \u0080\u009f",
        "C# line ends: next line \u0085, line separator \u2028, paragraph separator \u2029",
        "unpaired surrogates \ud800 and \udfff",
        "a pair stays as it is: \ud83d\ude00, and é, ß, 中",
        "braces {0} and {{ and }}",
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void A_literal_compiles_back_to_the_same_value(string value)
    {
        var literal = CSharpLiteral.String(value);

        var tree = CSharpSyntaxTree.ParseText("class C { const string S = " + literal + "; }");

        Assert.Empty(tree.GetDiagnostics());
        var expression = Assert.Single(tree.GetRoot().DescendantNodes().OfType<LiteralExpressionSyntax>());
        Assert.Equal(value, expression.Token.ValueText);
        for (var i = 0; i < literal.Length; i++)
        {
            if (char.IsSurrogatePair(literal, i))
            {
                i++;
                continue;
            }

            var c = literal[i];
            Assert.False(char.IsControl(c) || char.IsSurrogate(c) || c is '\u2028' or '\u2029', $"The literal holds U+{(int)c:X4} unescaped at {i}.");
        }
    }

    [Fact]
    public void A_plain_value_is_written_as_it_is() =>
        Assert.Equal("\"app/(shop)/cart/route.cs\"", CSharpLiteral.String("app/(shop)/cart/route.cs"));
}
