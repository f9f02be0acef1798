using System.Globalization;
using QaShopper.Core.Ports;
using QaShopper.Core.Scenarios;
using QaShopper.LocalSpeech.Pocketsphinx;
using QaShopper.Tests.Support;

namespace QaShopper.Tests.LocalSpeech;

/// <summary>
/// The measurement behind <c>ConfidenceMap</c>: call-centre lines (right and wrong variants) in four flite voices
/// through a phone line, decoded with the domain model biased to the expected phrases; prints each agent segment's
/// raw posterior, its spotting agreement and its word error rate, one line each, for fitting the map.
/// Explicit: a few minutes of CPU; run with --filter FullyQualifiedName~PocketsphinxCalibration.
/// </summary>
[Explicit("measurement, a few minutes of CPU")]
[Category("Measurement")]
public sealed class PocketsphinxCalibration
{
    private static readonly string[] Expected =
    [
        "thank you for calling acme bank", "date of birth", "your card is now blocked", "five to seven working days",
        "free of charge", "anything else", "have a nice day", "goodbye", "i'm so sorry for the delay",
        "can i take your order number", "zip code", "can i take your postcode", "restarted the router",
        "two pounds a day", "does that make sense", "spending cap", "thank you for calling nova telecom",
    ];

    private static readonly string[] Lines =
    [
        "Thank you for calling Acme Bank.",
        "My name is Sarah.",
        "How can I help you today?",
        "I can help with that. Can you confirm your date of birth and the last four digits of the card?",
        "I can help with that. Let me find the card.",
        "Your card is now blocked.",
        "I have put a note on the account for you.",
        "The new card will arrive in 5 to 7 working days.",
        "The new card will arrive in ten to fourteen working days.",
        "The replacement costs ten pounds.",
        "The replacement is free of charge.",
        "Is there anything else I can help you with?",
        "You're welcome. Have a nice day, goodbye.",
        "Okay then, cheers.",
        "Can I take your order number, please?",
        "What was it you ordered?",
        "And what is the zip code on the order?",
        "And which town is it going to?",
        "Sorry to hear that. Can I take your postcode, please?",
        "Thanks. Have you restarted the router yet?",
        "Thanks. What lights can you see on the box?",
        "With the EU Travel Pass it costs six pounds a day.",
        "With the EU Travel Pass it costs two pounds a day.",
        "Yes, you can set a spending cap in the app.",
        "You just have to keep an eye on it yourself.",
        "Thanks for waiting.",
        "Thank you for calling Nova Telecom.",
    ];

    [TestCase("rms")]
    [TestCase("awb")]
    [TestCase("kal16")]
    [TestCase("slt")]
    public async Task Calibrate_Voice(string voice)
    {
        using var temp = new TempDirectory();
        var path = temp.File("call.wav");
        var truth = PhoneCall.Write(temp, path, voice, Lines.Select(l => (Speaker.Agent, l)));
        using var transcriber = new PocketsphinxTranscriber(new PocketsphinxOptions { MaxDecoders = 1 });
        var transcript = await transcriber.TranscribeAsync(new TranscriptionRequest(path, 2, 1.0, "en-US", Expected) { WatchPhrases = ["i don't know", "calm down"] });
        foreach (var line in truth)
        {
            var reference = WordErrorRate.Words(SpelledOut(line.Text));
            foreach (var segment in line.HeardIn(transcript))
            {
                var hypothesis = WordErrorRate.Words(segment.Text);
                var errors = WordErrorRate.Errors(reference, hypothesis);
                TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"CAL {voice} conf={segment.Confidence:F3} wer={(double)errors / reference.Length:F2} n={reference.Length} | {line.Text} => {segment.Text}"));
            }
        }
    }

    private static string SpelledOut(string text) => text.Replace("5 to 7", "five to seven", StringComparison.Ordinal);
}
