using QaShopper.AzureSpeech;

namespace QaShopper.Tests.AzureSpeech;

public sealed class AzureSpeechOptionsTests
{
    private static AzureSpeechOptions Valid() => new() { Region = "westeurope", Key = "k" };

    private static string Failure(AzureSpeechOptions options) =>
        new AzureSpeechOptionsValidator().Validate(null, options).FailureMessage ?? string.Empty;

    [Test]
    public void Validate_RegionAndKey_Succeeds() =>
        Assert.That(new AzureSpeechOptionsValidator().Validate(null, Valid()).Succeeded, Is.True);

    [Test]
    public void Validate_NoRegionNorEndpoint_NamesBothSettings() =>
        Assert.That(Failure(new AzureSpeechOptions { Key = "k" }), Does.Contain("AzureSpeech:Region").And.Contain("AzureSpeech:Endpoint"));

    [Test]
    public void Validate_NoKey_SaysWhichEnvironmentVariableToSet() =>
        Assert.That(Failure(new AzureSpeechOptions { Region = "westeurope" }), Does.Contain("AzureSpeech:Key").And.Contain("QASHOPPER_AzureSpeech__Key"));

    [TestCase("West Europe", "AzureSpeech:Region")]
    public void Validate_BadRegion_NamesTheSetting(string region, string setting) =>
        Assert.That(Failure(new AzureSpeechOptions { Region = region, Key = "k" }), Does.Contain(setting));

    [Test]
    public void Validate_UnsupportedFormat_ListsTheSupportedOnes()
    {
        var options = Valid();
        options.OutputFormat = "audio-24khz-48kbitrate-mono-mp3";

        Assert.That(Failure(options), Does.Contain("AzureSpeech:OutputFormat").And.Contain(AzureSpeechOptions.MuLaw8Khz));
    }

    [Test]
    public void Validate_ZeroTimeout_NamesTheSetting()
    {
        var options = Valid();
        options.Timeout = TimeSpan.Zero;

        Assert.That(Failure(options), Does.Contain("AzureSpeech:Timeout"));
    }

    [Test]
    public void Validate_FailureMessage_NeverShowsTheKey()
    {
        var options = new AzureSpeechOptions { Key = "secret-key-123", OutputFormat = "wrong", Timeout = TimeSpan.Zero };

        Assert.That(Failure(options), Does.Not.Contain("secret-key-123"));
    }

    [Test]
    public void Endpoints_FromRegion_AreTheServiceHosts()
    {
        var endpoints = AzureSpeechEndpoints.From(Valid());

        Assert.That(endpoints.IssueToken.AbsoluteUri, Is.EqualTo("https://westeurope.api.cognitive.microsoft.com/sts/v1.0/issueToken"));
        Assert.That(endpoints.Synthesis.AbsoluteUri, Is.EqualTo("https://westeurope.tts.speech.microsoft.com/cognitiveservices/v1"));
        Assert.That(endpoints.Voices.AbsoluteUri, Is.EqualTo("https://westeurope.tts.speech.microsoft.com/cognitiveservices/voices/list"));
    }

    [TestCase("http://127.0.0.1:5000")]
    [TestCase("http://127.0.0.1:5000/")]
    public void Endpoints_FromCustomEndpoint_AreRelativeToIt(string endpoint)
    {
        var endpoints = AzureSpeechEndpoints.From(new AzureSpeechOptions { Endpoint = new Uri(endpoint), Key = "k" });

        Assert.That(endpoints.Synthesis.AbsoluteUri, Is.EqualTo("http://127.0.0.1:5000/cognitiveservices/v1"));
        Assert.That(endpoints.IssueToken.AbsoluteUri, Is.EqualTo("http://127.0.0.1:5000/sts/v1.0/issueToken"));
    }

    [Test]
    public void Validate_BatchContainerUrlWithoutSas_NamesTheSetting_WithoutItsQuery()
    {
        var options = Valid();
        options.BatchContainerUrl = new Uri("https://account.blob.core.windows.net/recordings?sv=2023-11-03&sp=rcwd&secret-part");

        var failure = Failure(options);

        Assert.That(failure, Does.Contain("AzureSpeech:BatchContainerUrl").And.Contain("SAS").And.Not.Contain("secret-part"));
    }

    [Test]
    public void Validate_BatchContainerUrlWithoutContainer_NamesTheSetting_WithoutTheSignature()
    {
        var options = Valid();
        options.BatchContainerUrl = new Uri("https://account.blob.core.windows.net/?sv=2023-11-03&sig=TopSecret");

        Assert.That(Failure(options), Does.Contain("AzureSpeech:BatchContainerUrl").And.Contain("container").And.Not.Contain("TopSecret"));
    }

    [Test]
    public void Validate_ContainerSasUrl_Succeeds()
    {
        var options = Valid();
        options.BatchContainerUrl = new Uri("https://account.blob.core.windows.net/recordings?sv=2023-11-03&sp=rcwd&sig=abc");

        Assert.That(new AzureSpeechOptionsValidator().Validate(null, options).Succeeded, Is.True);
    }

    [TestCase("BatchPollInterval")]
    [TestCase("BatchTimeout")]
    [TestCase("BatchUploadBlockSize")]
    public void Validate_BatchSettingOutOfRange_NamesTheSetting(string setting)
    {
        var options = Valid();
        switch (setting)
        {
            case "BatchPollInterval":
                options.BatchPollInterval = TimeSpan.Zero;
                break;
            case "BatchTimeout":
                options.BatchTimeout = TimeSpan.FromSeconds(-1);
                break;
            default:
                options.BatchUploadBlockSize = 0;
                break;
        }

        Assert.That(Failure(options), Does.Contain("AzureSpeech:" + setting));
    }
}
