namespace Agora.Web.Infrastructure.Data.Migrations;

/// <summary>
/// The triggers that keep Features/Proposals/ProposalTally.cs equal to the visible proposals per process and state, for each
/// provider, and the statement that fills it from the rows already there. A support or a comment changes neither
/// state nor visibility, and the triggers fire only on writes to those columns, so the busiest writes never touch it.
/// The Initial migrations run these statements, so they live beside them: a migration must stay what it was when it was
/// applied, so change them only together with a new migration (which then carries its own copy).
/// </summary>
public static class ProposalTallyTriggers
{
    public const string Backfill = """
        INSERT INTO "ProposalTally" ("ProcessId", "State", "Count")
        SELECT "ProcessId", "State", COUNT(*) FROM "Proposal" WHERE "HiddenAt" IS NULL GROUP BY "ProcessId", "State";
        """;

    public static readonly string[] Sqlite =
    [
        """
        CREATE TRIGGER "TR_Proposal_Tally_Insert" AFTER INSERT ON "Proposal" WHEN NEW."HiddenAt" IS NULL
        BEGIN
          INSERT INTO "ProposalTally" ("ProcessId", "State", "Count") VALUES (NEW."ProcessId", NEW."State", 1)
          ON CONFLICT ("ProcessId", "State") DO UPDATE SET "Count" = "Count" + 1;
        END;
        """,
        """
        CREATE TRIGGER "TR_Proposal_Tally_Delete" AFTER DELETE ON "Proposal" WHEN OLD."HiddenAt" IS NULL
        BEGIN
          UPDATE "ProposalTally" SET "Count" = "Count" - 1 WHERE "ProcessId" = OLD."ProcessId" AND "State" = OLD."State";
        END;
        """,
        """
        CREATE TRIGGER "TR_Proposal_Tally_Update" AFTER UPDATE OF "ProcessId", "State", "HiddenAt" ON "Proposal"
        WHEN OLD."ProcessId" <> NEW."ProcessId" OR OLD."State" <> NEW."State" OR (OLD."HiddenAt" IS NULL) <> (NEW."HiddenAt" IS NULL)
        BEGIN
          UPDATE "ProposalTally" SET "Count" = "Count" - 1
          WHERE OLD."HiddenAt" IS NULL AND "ProcessId" = OLD."ProcessId" AND "State" = OLD."State";
          INSERT INTO "ProposalTally" ("ProcessId", "State", "Count") SELECT NEW."ProcessId", NEW."State", 1 WHERE NEW."HiddenAt" IS NULL
          ON CONFLICT ("ProcessId", "State") DO UPDATE SET "Count" = "Count" + 1;
        END;
        """,
    ];

    public static readonly string[] SqliteDown =
    [
        """DROP TRIGGER IF EXISTS "TR_Proposal_Tally_Insert";""",
        """DROP TRIGGER IF EXISTS "TR_Proposal_Tally_Delete";""",
        """DROP TRIGGER IF EXISTS "TR_Proposal_Tally_Update";""",
    ];

    public static readonly string[] Postgres =
    [
        """
        CREATE FUNCTION "proposal_tally"() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP = 'UPDATE' AND OLD."ProcessId" = NEW."ProcessId" AND OLD."State" = NEW."State"
             AND (OLD."HiddenAt" IS NULL) = (NEW."HiddenAt" IS NULL) THEN
            RETURN NULL;
          END IF;
          IF TG_OP IN ('UPDATE', 'DELETE') AND OLD."HiddenAt" IS NULL THEN
            UPDATE "ProposalTally" SET "Count" = "Count" - 1 WHERE "ProcessId" = OLD."ProcessId" AND "State" = OLD."State";
          END IF;
          IF TG_OP IN ('UPDATE', 'INSERT') AND NEW."HiddenAt" IS NULL THEN
            INSERT INTO "ProposalTally" ("ProcessId", "State", "Count") VALUES (NEW."ProcessId", NEW."State", 1)
            ON CONFLICT ("ProcessId", "State") DO UPDATE SET "Count" = "ProposalTally"."Count" + 1;
          END IF;
          RETURN NULL;
        END $$;
        """,
        """
        CREATE TRIGGER "TR_Proposal_Tally" AFTER INSERT OR DELETE OR UPDATE OF "ProcessId", "State", "HiddenAt" ON "Proposal"
        FOR EACH ROW EXECUTE FUNCTION "proposal_tally"();
        """,
    ];

    public static readonly string[] PostgresDown =
    [
        """DROP TRIGGER IF EXISTS "TR_Proposal_Tally" ON "Proposal";""",
        """DROP FUNCTION IF EXISTS "proposal_tally"();""",
    ];
}
