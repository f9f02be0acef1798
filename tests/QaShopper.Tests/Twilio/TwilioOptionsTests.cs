using QaShopper.Twilio;

namespace QaShopper.Tests.Twilio;

public sealed class TwilioOptionsTests
{
    private static TwilioOptions Valid() => new()
    {
        AccountSid = TwilioTestHost.AccountSid,
        AuthToken = TwilioTestHost.AuthToken,
        PublicBaseUrl = new Uri("https://qa.example.com"),
    };

    [Test]
    public void Check_ValidOptions_HasNoProblem()
    {
        Assert.That(TwilioOptionsValidator.Check(Valid()), Is.Empty);
    }

    [Test]
    public void Check_LoopbackHttpPublicBase_IsAllowed()
    {
        var options = Valid();
        options.PublicBaseUrl = new Uri("http://127.0.0.1:5081");

        Assert.That(TwilioOptionsValidator.Check(options), Is.Empty);
    }

    [TestCase("AccountSid", "Twilio:AccountSid is not set")]
    [TestCase("BadSid", "Twilio:AccountSid 'XY123' is not an account SID")]
    [TestCase("AuthToken", "QASHOPPER_Twilio__AuthToken")]
    [TestCase("PublicBaseUrl", "Twilio:PublicBaseUrl is not set")]
    [TestCase("HttpPublic", "Twilio:PublicBaseUrl 'http://qa.example.com/' uses http")]
    [TestCase("KeyWithoutSecret", "Twilio:ApiKeySecret is not set")]
    [TestCase("RingTimeout", "Twilio:RingTimeout must be between")]
    [TestCase("CallTimeout", "Twilio:CallTimeout")]
    public void Check_BadSetting_NamesIt(string change, string expected)
    {
        var options = Valid();
        switch (change)
        {
            case "AccountSid": options.AccountSid = null; break;
            case "BadSid": options.AccountSid = "XY123"; break;
            case "AuthToken": options.AuthToken = ""; break;
            case "PublicBaseUrl": options.PublicBaseUrl = null; break;
            case "HttpPublic": options.PublicBaseUrl = new Uri("http://qa.example.com"); break;
            case "KeyWithoutSecret": options.ApiKeySid = "SK0123456789abcdef0123456789abcdef"; break;
            case "RingTimeout": options.RingTimeout = TimeSpan.FromSeconds(1); break;
            case "CallTimeout": options.CallTimeout = TimeSpan.FromMinutes(5); break;
        }

        var problems = TwilioOptionsValidator.Check(options);

        Assert.That(problems, Has.Some.Contains(expected));
    }

    [Test]
    public void Check_ApiKeyWithSecret_NeverEchoesTheSecrets()
    {
        var options = Valid();
        options.ApiKeySid = "bad";
        options.ApiKeySecret = "s3cret-key-value";

        var problems = TwilioOptionsValidator.Check(options);

        Assert.That(problems, Is.Not.Empty);
        Assert.That(string.Join("\n", problems), Does.Not.Contain("s3cret-key-value").And.Not.Contain(TwilioTestHost.AuthToken));
    }
}
