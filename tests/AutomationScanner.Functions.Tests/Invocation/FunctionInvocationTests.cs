using System.Text;
using System.Text.Json;
using AutomationScanner.Functions.Invocation;

namespace AutomationScanner.Functions.Tests.Invocation;

public sealed class FunctionInvocationTests
{
    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement;

    [Fact]
    public void Unwrap_DoubleEncodedObject_ReturnsTheObject()
    {
        var sut = Parse(""" "\"{\\\"hello\\\":\\\"world\\\"}\"" """);

        var value = FunctionInvocation.Unwrap(sut);

        Assert.Equal(JsonValueKind.Object, value.ValueKind);
        Assert.Equal("world", value.GetProperty("hello").GetString());
    }

    [Fact]
    public void Unwrap_PlainTextString_StaysAString()
    {
        var value = FunctionInvocation.Unwrap(Parse(""" "\"088fb2b9-0000\"" """));

        Assert.Equal("088fb2b9-0000", value.GetString());
    }

    [Fact]
    public void DecodeMessage_Base64OfJsonInsideJsonString_ReturnsTheJson()
    {
        var base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes("""[{"eventType":"x"}]"""));

        var value = FunctionInvocation.DecodeMessage(Parse(JsonSerializer.Serialize(JsonSerializer.Serialize(base64))));

        Assert.Equal(JsonValueKind.Array, value.ValueKind);
        Assert.Equal("x", value[0].GetProperty("eventType").GetString());
    }

    [Fact]
    public void DecodeMessage_Base64OfNonJson_Throws()
    {
        var base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes("hello world"));

        Assert.Throws<InvocationFormatException>(() => FunctionInvocation.DecodeMessage(Parse(JsonSerializer.Serialize(base64))));
    }
}
