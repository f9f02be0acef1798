using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using QaShopper.Core.Accounts;

namespace QaShopper.Tests.Web;

public sealed class ScenarioApiTests
{
    private const string Id = "acme-bank-saturday-hours";

    [Test]
    public async Task Put_InvalidText_Answers400WithEachProblemAtItsLine_AndLeavesTheFile()
    {
        using var fixtures = new ManageFixtures();
        await using var host = await WebAppHost.StartAsync(settings: fixtures.Settings);
        using var client = await ApiClientAsync(host, Role.Manager);
        var before = fixtures.ScenarioText($"{Id}.yaml");
        var broken = before.Replace("    weight: 30\n", "    weight: lots\n", StringComparison.Ordinal);

        using var response = await client.PutAsJsonAsync($"/api/scenarios/{Id}", new { text = broken });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var problems = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems");
        var line = broken.Split('\n').ToList().FindIndex(l => l.Contains("weight: lots", StringComparison.Ordinal)) + 1;
        Assert.That(problems.EnumerateArray().Any(p => p.GetProperty("line").GetInt32() == line && p.GetProperty("column").GetInt32() > 1), Is.True, problems.ToString());
        Assert.That(fixtures.ScenarioText($"{Id}.yaml"), Is.EqualTo(before), "a text with problems is never written");
    }

    [Test]
    public async Task Put_ValidText_WritesTheFile_AndKeepsEveryVersion()
    {
        using var fixtures = new ManageFixtures();
        await using var host = await WebAppHost.StartAsync(settings: fixtures.Settings);
        using var client = await ApiClientAsync(host, Role.Manager);
        var first = fixtures.ScenarioText($"{Id}.yaml");
        var second = first.Replace("title: Acme Bank - Saturday", "title: Acme Bank (edited) - Saturday", StringComparison.Ordinal);

        using var saveFirst = await client.PutAsJsonAsync($"/api/scenarios/{Id}", new { text = first });
        using var saveSecond = await client.PutAsJsonAsync($"/api/scenarios/{Id}", new { text = second.ReplaceLineEndings("\r\n") });

        Assert.That(saveFirst.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(saveSecond.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(fixtures.ScenarioText($"{Id}.yaml"), Is.EqualTo(second), "written whole, with the folder's line endings");
        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/scenarios/{Id}");
        var versions = detail.GetProperty("versions").EnumerateArray().ToList();
        Assert.That(versions, Has.Count.EqualTo(2));
        Assert.That(versions[0].GetProperty("title").GetString(), Does.Contain("(edited)"));
        var hash = versions[1].GetProperty("contentHash").GetString();
        var old = await client.GetFromJsonAsync<JsonElement>($"/api/scenarios/{Id}/versions/{hash}");
        Assert.That(old.GetProperty("text").GetString(), Is.EqualTo(first), "an earlier version is still viewable");
        Assert.That(Directory.GetFiles(fixtures.ScenarioFolder, "*.tmp"), Is.Empty, "no temporary file is left behind");
    }

    [Test]
    public async Task Validate_AnIdAnotherFileUses_IsADuplicateAtTheIdLine()
    {
        using var fixtures = new ManageFixtures();
        await using var host = await WebAppHost.StartAsync(settings: fixtures.Settings);
        using var client = await ApiClientAsync(host, Role.Viewer);
        var copy = fixtures.ScenarioText($"{Id}.yaml");

        using var response = await client.PostAsJsonAsync("/api/scenarios/validate", new { text = copy });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), "checking changes nothing, so every role may");
        Assert.That(body.GetProperty("valid").GetBoolean(), Is.False);
        var problem = body.GetProperty("problems")[0];
        Assert.That(problem.GetProperty("message").GetString(), Does.Contain("duplicate scenario id").And.Contain($"{Id}.yaml"));
        Assert.That(problem.GetProperty("line").GetInt32(), Is.EqualTo(2), "at the id line");
    }

    [Test]
    public async Task List_ShowsEveryScenarioFile_WithItsItemsAndValidity()
    {
        await using var host = await WebAppHost.StartAsync();
        using var client = await ApiClientAsync(host, Role.Viewer);

        var list = await client.GetFromJsonAsync<JsonElement>("/api/scenarios");

        var ids = list.EnumerateArray().Select(s => s.GetProperty("id").GetString()).ToList();
        Assert.That(ids, Does.Contain(Id).And.Contain("brightmart-returns-policy-zh"));
        Assert.That(ids, Does.Not.Contain("call-centre").And.Not.Contain("demo-week"), "other schemas are not scenarios");
        var saturday = list.EnumerateArray().Single(s => s.GetProperty("id").GetString() == Id);
        Assert.That(saturday.GetProperty("items").GetInt32(), Is.GreaterThan(5));
        Assert.That(saturday.GetProperty("valid").GetBoolean(), Is.True);
    }

    [TestCase(Role.Reviewer)]
    [TestCase(Role.Viewer)]
    public async Task Save_ByARoleWithoutManage_Is403_OnTheApiAndThePage_AndNothingChanges(Role role)
    {
        using var fixtures = new ManageFixtures();
        await using var host = await WebAppHost.StartAsync(settings: fixtures.Settings);
        using var client = await ApiClientAsync(host, role);
        var before = fixtures.ScenarioText($"{Id}.yaml");
        var changed = before.Replace("title: Acme Bank", "title: Changed by " + role, StringComparison.Ordinal);

        using var api = await client.PutAsJsonAsync($"/api/scenarios/{Id}", new { text = changed });
        var token = await WebAppHost.AntiforgeryTokenAsync(client, $"/scenarios/{Id}/edit");
        using var page = await client.PostAsync(new Uri($"/scenarios/{Id}/edit?handler=Save", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Text"] = changed,
            ["__RequestVerificationToken"] = token,
        }));

        Assert.That(api.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(fixtures.ScenarioText($"{Id}.yaml"), Is.EqualTo(before));
        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/scenarios/{Id}");
        Assert.That(detail.GetProperty("versions").GetArrayLength(), Is.Zero, "no version was stored");
    }

    [Test]
    public async Task ViewPage_ShowsTheChecklistAPreviewWithTemplatesRendered_AndTheYaml()
    {
        await using var host = await WebAppHost.StartAsync();
        using var client = await host.SignedInAsync(Role.Viewer);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri($"/scenarios/{Id}?draw=3", UriKind.Relative)));

        Assert.That(html, Does.Contain("States the correct Saturday hours (9:30 am to 1 pm)"));
        var start = html.IndexOf("<section class=\"preview\">", StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThan(0), "the page has a preview");
        var preview = html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
        Assert.That(preview, Does.Contain("When is your Riverside branch open on Saturday?"), "the caller's line rendered");
        Assert.That(preview, Does.Not.Contain("{{"), "no template left in the preview");
        Assert.That(preview, Does.Match("Hi, my name is (Emma|Liam|Noah|Olivia)\\."), "the pick drawn");
        Assert.That(preview, Does.Contain("9:30 am to 1 pm"), "checklist phrases rendered too");
        Assert.That(html, Does.Contain("id: acme-bank-saturday-hours"), "the YAML");
    }

    /// <summary>An API client: the session cookie plus the page's anti-forgery token in X-CSRF-TOKEN, as the pages' scripts send it.</summary>
    internal static async Task<HttpClient> ApiClientAsync(WebAppHost host, Role role)
    {
        var client = await host.SignedInAsync(role);
        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        var token = System.Text.RegularExpressions.Regex.Match(html, "<meta name=\"csrf-token\" content=\"([^\"]+)\"").Groups[1].Value;
        client.DefaultRequestHeaders.Add("X-CSRF-TOKEN", WebUtility.HtmlDecode(token));
        return client;
    }
}
