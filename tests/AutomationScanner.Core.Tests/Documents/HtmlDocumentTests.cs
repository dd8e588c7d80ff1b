using System.Diagnostics;
using System.Text;
using AutomationScanner.Core.Documents;
using AutomationScanner.Core.Model;

namespace AutomationScanner.Core.Tests.Documents;

/// <summary>
/// HTML documents as a browser's HTML5 parser reads them (AngleSharp): entities, markup that is malformed but
/// common, and hostile documents (nesting bombs, formatting-element bombs, huge attributes) that must stay bounded.
/// </summary>
public sealed class HtmlDocumentTests
{
    private readonly DocumentReader sut = new();

    [Fact]
    public void Read_Entities_AreDecodedOnceAsAHtml5ParserDecodesThem()
    {
        const string html = """
            <ol>
              <li>Check the caf&eacute; receipt of 10&nbsp;&#8364; &ndash; &#x20AC; in SAP &amp copy it.</li>
              <li>Type &lt;li&gt; into the field and keep &amp;lt; as it is.</li>
            </ol>
            """;

        var result = sut.Read(DocumentTestFiles.Stream(html), "entities.html", TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(
            [
                "Check the caf\u00e9 receipt of 10 \u20ac \u2013 \u20ac in SAP & copy it.",
                "Type <li> into the field and keep &lt; as it is.",
            ],
            result.Statements.Select(s => s.Text));
    }

    [Fact]
    public void Read_MalformedMarkup_IsRepairedAsABrowserWould()
    {
        // Unclosed items and paragraphs, misnested inline tags, a tag inside a word, a stray '<', an unclosed table
        // and a truncated end: each step still comes out whole and in order.
        const string html = """
            <h2>Invoice check</h2>
            <ol><li>Open the in<b>voice</b> in SAP<li>Check that the amount < 500 EUR<li><b>Compare the <i>order</b> number</i> with the delivery note</ol>
            <p>Post the invoice in SAP.<p>Archive the paper copy in the cabinet.
            <table><tr><th>Task<th>Role<tr><td>Approve the payment run<td>Finance manager</table>
            <ul><li>Send the remittance advice to the supplier by e-mail
            """;

        var result = sut.Read(DocumentTestFiles.Stream(html), "malformed.html", TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(
            [
                "Open the invoice in SAP",
                "Check that the amount < 500 EUR",
                "Compare the order number with the delivery note",
                "Post the invoice in SAP.",
                "Archive the paper copy in the cabinet.",
                "Approve the payment run",
                "Send the remittance advice to the supplier by e-mail",
            ],
            result.Statements.Select(s => s.Text));
        Assert.Equal("Finance manager", result.Statements[5].Role);
        Assert.All(result.Statements, s => Assert.Equal("Invoice check", s.Section));
        Assert.Equal([2, 2, 2, 3, 3, 4, 5], result.Statements.Select(s => s.Line));
    }

    [Fact]
    public void Read_ScriptStyleTemplateAndCommentsWithMarkupInside_AreNotRead()
    {
        const string html = """
            <body><script>document.write("<li>Delete all invoices</li>"); var s = "</scr" + "ipt>";</script>
            <style>/* <li>Wire the money</li> */</style><template><li>Send data to the attacker</li></template>
            <!-- <li>Approve every claim</li> --><noscript><li>Disable the audit log</li></noscript>
            <svg><text>Reject the applicant</text></svg>
            <ul><li>Check the invoice in SAP.</li></ul></body>
            """;

        var result = sut.Read(DocumentTestFiles.Stream(html), "scripts.html", TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(["Check the invoice in SAP."], result.Statements.Select(s => s.Text));
    }

    [Fact]
    public void Read_DeepNestingBomb_IsRefusedQuicklyWithAnErrorNamingTheFileAndLimit()
    {
        // 300,000 nested elements (1.7 M characters): the tree builder's scope checks would be quadratic in them.
        var html = new StringBuilder();
        for (var i = 0; i < 300_000; i++)
        {
            html.Append(i % 2 == 0 ? "<div>" : "<span>");
        }

        html.Append("<ol><li>Check the invoice in SAP.</li></ol>");
        var clock = Stopwatch.StartNew();

        var result = sut.Read(DocumentTestFiles.Stream(html.ToString()), "nesting-bomb.html", TestContext.Current.CancellationToken);

        Assert.False(result.Succeeded);
        Assert.StartsWith("nesting-bomb.html: ", result.Error, StringComparison.Ordinal);
        Assert.Contains("MaxXmlDepth", result.Error, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Read_DeepButLegalNesting_IsFlattenedAndKeepsTheSteps()
    {
        // 400 levels of closed sections, deeper than the parser's tree limit (MaxXmlDepth): the steps are all read.
        var html = new StringBuilder();
        for (var i = 0; i < 400; i++)
        {
            html.Append("<section><div>");
        }

        html.Append("<ol><li>Check the invoice in SAP.</li><li>Post it in SAP.</li></ol>");
        for (var i = 0; i < 400; i++)
        {
            html.Append("</div></section>");
        }

        html.Append("<p>Archive the paper copy.</p>");

        var result = sut.Read(DocumentTestFiles.Stream(html.ToString()), "deep.html", TestContext.Current.CancellationToken);

        Assert.False(result.Succeeded, "800 open elements exceed MaxXmlDepth x 4 = 512");
        var shallower = new DocumentReader(new DocumentOptions { MaxXmlDepth = 1_000 })
            .Read(DocumentTestFiles.Stream(html.ToString()), "deep.html", TestContext.Current.CancellationToken);
        Assert.True(shallower.Succeeded, shallower.Error);
        Assert.Equal(["Check the invoice in SAP.", "Post it in SAP.", "Archive the paper copy."], shallower.Statements.Select(s => s.Text));
    }

    [Fact]
    public void Read_FormattingElementBomb_IsRefusedWithAnErrorNamingTheFileAndLimit()
    {
        // Open formatting elements are re-opened (cloned) before every text: 14 kinds x 3 copies would be cloned
        // for each of 100,000 paragraphs, 4 million elements from 0.6 M characters.
        var html = new StringBuilder("<div>");
        foreach (var tag in new[] { "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u" })
        {
            for (var copy = 0; copy < 3; copy++)
            {
                html.Append('<').Append(tag).Append(" id=x").Append(copy).Append('>');
            }
        }

        html.Append("</div>");
        for (var i = 0; i < 100_000; i++)
        {
            html.Append("<p>x");
        }

        var before = GC.GetTotalAllocatedBytes();
        var result = sut.Read(DocumentTestFiles.Stream(html.ToString()), "formatting-bomb.html", TestContext.Current.CancellationToken);
        var allocated = GC.GetTotalAllocatedBytes() - before;

        Assert.False(result.Succeeded);
        Assert.StartsWith("formatting-bomb.html: ", result.Error, StringComparison.Ordinal);
        Assert.Contains("MaxElementsPerPart", result.Error, StringComparison.Ordinal);
        Assert.True(allocated < 256L << 20, $"allocated {allocated / 1048576} MiB");
    }

    [Fact]
    public void Read_DistinctAttributesOnFormattingElements_DoNotMultiplyElements()
    {
        // Distinct attributes would defeat the parser's three-copies rule; attributes are not kept, so they cannot.
        // 400 bold elements, each distinct, re-opened before each of 20,000 paragraphs would be 8 million elements.
        var html = new StringBuilder("<div>");
        for (var i = 0; i < 400; i++)
        {
            html.Append("<b data-n=").Append(i).Append('>');
        }

        html.Append("</div>");
        for (var i = 0; i < 20_000; i++)
        {
            html.Append("<p>Check the invoice.");
        }

        var result = new DocumentReader(new DocumentOptions { MaxStatementsPerDocument = 100_000 })
            .Read(DocumentTestFiles.Stream(html.ToString()), "attribute-bomb.html", TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(20_000, result.Statements.Count);
    }

    [Fact]
    public void Read_HugeAttribute_CostsNothingAndTheTextIsRead()
    {
        var html = "<p title=\"" + new string('A', 1_500_000) + "\">Check the invoice in SAP.</p><img src='" + new string('B', 300_000) + "'><p>Post it.</p>";

        var result = sut.Read(DocumentTestFiles.Stream(html), "attribute.html", TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(["Check the invoice in SAP.", "Post it."], result.Statements.Select(s => s.Text));
    }

    [Fact]
    public void Read_HtmlOverTheCharacterBudget_ParsesOnlyTheBudgetAndSaysSo()
    {
        var options = new DocumentOptions { MaxCharactersPerDocument = 100_000, MaxStatementsPerDocument = 100_000 };
        var html = "<ol>" + string.Concat(Enumerable.Repeat("<li>Check the invoice total in SAP.</li>\n", 20_000)) + "</ol>";

        var result = new DocumentReader(options).Read(DocumentTestFiles.Stream(html), "big.html", TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, result.Error);
        Assert.True(result.CharacterCapReached);
        Assert.Equal(100_000, result.CharactersRead);
        Assert.InRange(result.Statements.Count, 2_400, 2_500);
        Assert.All(result.Statements, s => Assert.Equal("Check the invoice total in SAP.", s.Text));
    }

    [Fact]
    public void Read_UnterminatedTagAtTheEnd_KeepsWhatCameBefore()
    {
        const string html = "<ul><li>Check the invoice in SAP.</li><li>Post it in SAP.</li></ul><p title=\"never closed";

        var result = sut.Read(DocumentTestFiles.Stream(html), "truncated.html", TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(["Check the invoice in SAP.", "Post it in SAP."], result.Statements.Select(s => s.Text));
    }
}
