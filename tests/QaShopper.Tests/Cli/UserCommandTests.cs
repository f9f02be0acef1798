using QaShopper.Tests.Support;

namespace QaShopper.Tests.Cli;

public sealed class UserCommandTests
{
    [Test]
    public async Task UserAdd_PasswordOnStdin_MakesAnAccountThatListShowsWithoutItsHash()
    {
        using var temp = new TempDirectory();
        var db = temp.File("qa.db");
        var add = await CliRunner.RunWithInputAsync("a long enough password\n", "user", "add", "Maria.K", "--role", "reviewer", "--name", "Maria Kowalska", "--password-stdin", "--db", db);
        var list = await CliRunner.RunAsync("user", "list", "--db", db);

        Assert.That(add.ExitCode, Is.Zero, add.ToString());
        Assert.That(add.Error, Does.Contain("user maria.k added as reviewer"));
        Assert.That(list.Out, Does.Contain("maria.k").And.Contain("Maria Kowalska").And.Contain("reviewer"));
        Assert.That(list.Out, Does.Not.Contain("AQAAAA"), "no password hash is printed");
    }

    [Test]
    public async Task UserAdd_ShortPasswordOrTakenNameOrNoTerminal_IsRefusedWithTheReason()
    {
        using var temp = new TempDirectory();
        var db = temp.File("qa.db");
        var shortPassword = await CliRunner.RunWithInputAsync("short\n", "user", "add", "ann", "--role", "viewer", "--password-stdin", "--db", db);
        var first = await CliRunner.RunWithInputAsync("a long enough password\n", "user", "add", "ann", "--role", "viewer", "--password-stdin", "--db", db);
        var again = await CliRunner.RunWithInputAsync("a long enough password\n", "user", "add", "ANN", "--role", "admin", "--password-stdin", "--db", db);
        var noTerminal = await CliRunner.RunAsync("user", "add", "bob", "--role", "viewer", "--db", db);
        var badRole = await CliRunner.RunWithInputAsync("a long enough password\n", "user", "add", "carl", "--role", "boss", "--password-stdin", "--db", db);

        Assert.That(shortPassword.ExitCode, Is.EqualTo(2));
        Assert.That(shortPassword.Error, Does.Contain("at least 12"));
        Assert.That(first.ExitCode, Is.Zero, first.ToString());
        Assert.That(again.ExitCode, Is.EqualTo(2));
        Assert.That(again.Error, Does.Contain("user 'ann' already exists"));
        Assert.That(noTerminal.ExitCode, Is.EqualTo(2));
        Assert.That(noTerminal.Error, Does.Contain("--password-stdin"));
        Assert.That(badRole.ExitCode, Is.EqualTo(2));
    }

    [Test]
    public async Task UserToken_PrintsTheTokenOnce_AndRevokeRemovesIt()
    {
        using var temp = new TempDirectory();
        var db = temp.File("qa.db");
        await CliRunner.RunWithInputAsync("a long enough password\n", "user", "add", "ci", "--role", "viewer", "--password-stdin", "--db", db);
        var token = await CliRunner.RunAsync("user", "token", "ci", "--label", "nightly export", "--db", db);
        var printed = token.Out.Trim();
        var id = printed.Split('_')[1];
        var list = await CliRunner.RunAsync("user", "list", "--db", db);
        var revoke = await CliRunner.RunAsync("user", "revoke", id, "--db", db);
        var afterRevoke = await CliRunner.RunAsync("user", "list", "--db", db);
        var revokeAgain = await CliRunner.RunAsync("user", "revoke", id, "--db", db);

        Assert.That(token.ExitCode, Is.Zero, token.ToString());
        Assert.That(printed, Does.StartWith("qas_"));
        Assert.That(list.Out, Does.Contain(id).And.Contain("nightly export"));
        Assert.That(list.Out, Does.Not.Contain(printed), "the token is shown once, when made");
        Assert.That(revoke.ExitCode, Is.Zero);
        Assert.That(afterRevoke.Out, Does.Not.Contain(id));
        Assert.That(revokeAgain.ExitCode, Is.EqualTo(2));
    }
}
