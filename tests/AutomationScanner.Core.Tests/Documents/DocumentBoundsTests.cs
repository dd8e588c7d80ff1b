using System.Text;
using AutomationScanner.Core.Documents;
using AutomationScanner.Core.Model;

namespace AutomationScanner.Core.Tests.Documents;

public sealed class DocumentBoundsTests
{
    [Fact]
    public void Read_HugeTextDocument_StopsAtCharacterCapAndSaysSo()
    {
        var options = new DocumentOptions { MaxCharactersPerDocument = 100_000, MaxStatementsPerDocument = 100_000 };
        var sut = new DocumentReader(options);
        using var huge = new RepeatingStream("- Check the invoice total in SAP and post it.\n"u8.ToArray(), totalBytes: 200L * 1024 * 1024);

        var result = sut.Read(huge, "huge.md", TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded);
        Assert.True(result.CharacterCapReached);
        Assert.Equal(100_000, result.CharactersRead);
        Assert.InRange(result.Statements.Count, 2_000, 2_200);
        Assert.True(huge.Position < 1024 * 1024, "the reader stopped long before the end of the stream");
        Assert.Contains(result.Notes, n => n.Contains("only the first 100000 characters were read", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_ManySteps_StopsAtStatementCapAndSaysSo()
    {
        var sut = new DocumentReader(new DocumentOptions { MaxStatementsPerDocument = 50 });
        var text = new StringBuilder();
        for (var i = 1; i <= 500; i++)
        {
            text.Append(i).Append(". Verify the delivery note number ").Append(i).Append('\n');
        }

        var result = sut.Read(DocumentTestFiles.Stream(text.ToString()), "steps.txt", TestContext.Current.CancellationToken);

        Assert.Equal(50, result.Statements.Count);
        Assert.True(result.StatementCapReached);
        Assert.False(result.CharacterCapReached);
        Assert.Contains(result.Notes, n => n.Contains("only the first 50 task statements", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_SingleLineWithoutBreaks_IsCutToTheBlockCap()
    {
        var sut = new DocumentReader(new DocumentOptions { MaxCharactersPerDocument = 1_000_000, MaxBlockCharacters = 1_000 });
        var oneLine = "- " + string.Concat(Enumerable.Repeat("Enter the data in Excel ", 20_000));

        var result = sut.Read(DocumentTestFiles.Stream(oneLine), "oneline.md", TestContext.Current.CancellationToken);

        var statement = Assert.Single(result.Statements);
        Assert.True(statement.Text.Length <= 1_000);
        Assert.StartsWith("Enter the data in Excel", statement.Text, StringComparison.Ordinal);
        Assert.Equal(oneLine.Length, result.CharactersRead);
    }

    [Fact]
    public void Read_LargePdf_StopsAtCharacterCap()
    {
        var lines = Enumerable.Range(1, 400).Select(i => $"{i}. Scan the paper form number {i} and upload it to SharePoint.").ToArray();
        using var pdf = DocumentTestFiles.Pdf(lines);
        var sut = new DocumentReader(new DocumentOptions { MaxCharactersPerDocument = 5_000 });

        var result = sut.Read(pdf, "forms.pdf", TestContext.Current.CancellationToken);

        Assert.True(result.CharacterCapReached);
        Assert.True(result.CharactersRead <= 5_000);
        Assert.InRange(result.Statements.Count, 50, 100);
        Assert.All(result.Statements, s => Assert.InRange(s.Page ?? 0, 1, 3));
    }

    /// <summary>A read-only, non-seekable stream that repeats a pattern, so a "huge" file costs no memory in the test.</summary>
    private sealed class RepeatingStream(byte[] pattern, long totalBytes) : Stream
    {
        private long position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => totalBytes;

        public override long Position
        {
            get => position;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, totalBytes - position);
            for (var i = 0; i < n; i++)
            {
                buffer[offset + i] = pattern[(position + i) % pattern.Length];
            }

            position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
