using AutomationScanner.Core.Ingestion.Common;

namespace AutomationScanner.Core.Tests.Ingestion;

public sealed class XesSecurityTests
{
    private const string Trace = """
        <trace><string key="concept:name" value="1"/>
          <event><string key="concept:name" value="Check &amp; approve &#x263A; &lt;order&gt;"/><date key="time:timestamp" value="2024-01-01T09:00:00Z"/></event>
        </trace>
        """;

    [Fact]
    public void Mine_DoctypeWithExternalEntity_RefusedBeforeAnyResolution()
    {
        var xes = "<?xml version=\"1.0\"?>\n<!DOCTYPE log [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n<log>" + Trace.Replace("Check", "&xxe;", StringComparison.Ordinal) + "</log>";

        var error = Assert.Throws<IngestionException>(() => TestFiles.MineText("evil.xes", xes));

        Assert.Equal("evil.xes line 2: not a readable XES document: a DOCTYPE or other declaration is not allowed (DTD processing is prohibited)", error.Message);
    }

    [Fact]
    public void Mine_PredefinedAndCharacterEntities_Decoded()
    {
        var sut = TestFiles.MineText("ok.xes", "<log xmlns=\"http://www.xes-standard.org/\"><!-- comment --><![CDATA[ignored <trace> ]]>" + Trace + "</log>");

        Assert.Equal("Check & approve \u263A <order>", Assert.Single(sut.Activities).Activity);
        Assert.Equal(1, sut.Summary.Cases);
    }

    [Fact]
    public void Mine_UndeclaredEntityInOnlyTrace_FailsWithLine()
    {
        var error = Assert.Throws<IngestionException>(() => TestFiles.MineText("ent.xes", "<log>\n" + Trace.Replace("&amp;", "&nbsp;", StringComparison.Ordinal) + "</log>"));

        Assert.StartsWith("ent.xes line 3: not a readable XES document: undeclared entity '&nbsp;'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mine_MismatchedEndTag_ReportedAsMalformed()
    {
        var error = Assert.Throws<IngestionException>(() => TestFiles.MineText("tags.xes", "<log><trace><event></trace></log>"));

        Assert.Contains("end tag </trace> does not match the open element", error.Message, StringComparison.Ordinal);
    }
}
