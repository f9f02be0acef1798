namespace QaShopper.Sqlite.Migrations;

/// <summary>One step of the schema: applied once, in version order, inside its own transaction.</summary>
/// <param name="Version">Positive and increasing; never reused or renumbered once shipped.</param>
/// <param name="Name">Short description kept in <c>schema_migrations</c>.</param>
/// <param name="Sql">The statements; must not manage transactions themselves.</param>
internal sealed record Migration(int Version, string Name, string Sql);
