// The classifier: kinds, flags, requirements and session effects of single statements.
#include "switchyard/routing/classifier.h"

#include <gtest/gtest.h>

using namespace switchyard::routing;

namespace {

PacketInfo classify(Dialect d, std::string_view sql)
{
    return Classifier(d).classify(sql);
}

StatementInfo one(Dialect d, std::string_view sql)
{
    PacketInfo p = classify(d, sql);
    EXPECT_EQ(p.statements.size(), 1u) << sql;
    return p.statements.empty() ? StatementInfo{} : p.statements.front();
}

StatementInfo my(std::string_view sql) { return one(Dialect::MySQL, sql); }
StatementInfo maria(std::string_view sql) { return one(Dialect::MariaDB, sql); }
StatementInfo pg(std::string_view sql) { return one(Dialect::PostgreSQL, sql); }

} // namespace

TEST(Classifier, KindsAndRequirements)
{
    struct Case
    {
        Dialect d;
        const char *sql;
        StatementKind kind;
        Requirement req;
    };
    const Case cases[] = {
        {Dialect::MySQL, "SELECT 1", StatementKind::Read, Requirement::Read},
        {Dialect::MySQL, "INSERT INTO t VALUES (1)", StatementKind::Write, Requirement::Primary},
        {Dialect::MySQL, "CREATE TABLE t (a int)", StatementKind::Ddl, Requirement::Primary},
        {Dialect::MySQL, "BEGIN", StatementKind::Transaction, Requirement::Transaction},
        {Dialect::MySQL, "COMMIT", StatementKind::Transaction, Requirement::Transaction},
        {Dialect::MySQL, "SET NAMES utf8", StatementKind::Session, Requirement::All},
        {Dialect::MySQL, "PREPARE s FROM 'SELECT 1'", StatementKind::Prepare, Requirement::All},
        {Dialect::MySQL, "EXECUTE s", StatementKind::Execute, Requirement::Execute},
        {Dialect::MySQL, "DEALLOCATE PREPARE s", StatementKind::Deallocate, Requirement::All},
        {Dialect::MySQL, "LOCK TABLES t READ", StatementKind::Lock, Requirement::Primary},
        {Dialect::MySQL, "HANDLER t OPEN", StatementKind::Cursor, Requirement::Primary},
        {Dialect::MySQL, "OPTIMIZE TABLE t", StatementKind::Maintenance, Requirement::Primary},
        {Dialect::MySQL, "CALL p()", StatementKind::Call, Requirement::Primary},
        {Dialect::MySQL, "KILL 3", StatementKind::Admin, Requirement::Primary},
        {Dialect::MySQL, "FROB t", StatementKind::Unknown, Requirement::Primary},
        {Dialect::MySQL, "SELECT FOUND_ROWS()", StatementKind::Read, Requirement::ReadPrevious},
        {Dialect::MySQL, "SHOW REPLICA STATUS", StatementKind::Read, Requirement::ServerSpecific},
        {Dialect::PostgreSQL, "LISTEN ch", StatementKind::Notify, Requirement::Primary},
        {Dialect::PostgreSQL, "DECLARE c CURSOR FOR SELECT 1", StatementKind::Cursor, Requirement::Cursor},
        {Dialect::PostgreSQL, "FETCH 1 FROM c", StatementKind::Cursor, Requirement::Cursor},
        {Dialect::PostgreSQL, "VACUUM", StatementKind::Maintenance, Requirement::Primary},
        {Dialect::PostgreSQL, "SELECT set_config('a.b', 'c', false)", StatementKind::Session, Requirement::All},
        {Dialect::PostgreSQL, "COPY t TO STDOUT", StatementKind::Read, Requirement::Read},
        {Dialect::PostgreSQL, "COPY t FROM STDIN", StatementKind::Write, Requirement::Primary},
    };
    for (const Case &c : cases) {
        StatementInfo st = one(c.d, c.sql);
        EXPECT_EQ(st.kind, c.kind) << c.sql << " got " << statementKindName(st.kind);
        EXPECT_EQ(st.requirement, c.req) << c.sql << " got " << requirementName(st.requirement);
    }
}

TEST(Classifier, FlagsOfReads)
{
    EXPECT_TRUE(my("SELECT * FROM t FOR UPDATE").has(FlagLockingRead));
    EXPECT_TRUE(my("SELECT f(1)").has(FlagUnknownFunction));
    EXPECT_EQ(my("SELECT f(1)").function, "f");
    EXPECT_TRUE(maria("SELECT NEXT VALUE FOR s").has(FlagSequence));
    EXPECT_TRUE(my("SELECT * FROM t INTO OUTFILE '/x'").has(FlagIntoFile));
    EXPECT_TRUE(pg("WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d").has(FlagDataModifyingCte));
    EXPECT_TRUE(my("SELECT LAST_INSERT_ID()").has(FlagPrimaryOnly));
    EXPECT_TRUE(my("SELECT @@identity").has(FlagPrimaryOnly));
    EXPECT_TRUE(my("SELECT GET_LOCK('a', 1)").has(FlagNamedLock));
    EXPECT_TRUE(my("SELECT RELEASE_ALL_LOCKS()").has(FlagNamedUnlockAll));
    EXPECT_TRUE(pg("SELECT pg_notify('a', 'b')").has(FlagNotify));
    EXPECT_TRUE(my("SELECT @a := 1").has(FlagUserVarAssign));
    EXPECT_TRUE(my("SELECT @a").has(FlagUserVarRead));
    EXPECT_TRUE(my("SELECT @@sql_mode").has(FlagSysVarRead));
    EXPECT_TRUE(my("SELECT SQL_CALC_FOUND_ROWS * FROM t").has(FlagCalcFoundRows));
    EXPECT_FALSE(my("SELECT UPPER(a), COUNT(*) FROM t").flags & kPrimaryFlags);
}

TEST(Classifier, ExplainExecutesOnlyWithAnalyze)
{
    StatementInfo plain = pg("EXPLAIN DELETE FROM t");
    EXPECT_EQ(plain.requirement, Requirement::Read);
    EXPECT_TRUE(plain.has(FlagNoExecute));
    StatementInfo analyze = pg("EXPLAIN ANALYZE DELETE FROM t");
    EXPECT_EQ(analyze.requirement, Requirement::Primary);
    EXPECT_TRUE(analyze.has(FlagExecutesInner));
    // What is only planned changes no session state.
    PacketInfo p = classify(Dialect::MySQL, "EXPLAIN SELECT a INTO @x FROM t");
    EXPECT_TRUE(p.effects.empty());
}

TEST(Classifier, TransactionModes)
{
    StatementInfo ro = my("START TRANSACTION READ ONLY, WITH CONSISTENT SNAPSHOT");
    EXPECT_EQ(ro.tx.access, TxAccess::ReadOnly);
    EXPECT_TRUE(ro.tx.consistentSnapshot);
    StatementInfo ser = pg("BEGIN ISOLATION LEVEL SERIALIZABLE, READ WRITE, DEFERRABLE");
    EXPECT_EQ(ser.tx.isolation, Isolation::Serializable);
    EXPECT_EQ(ser.tx.access, TxAccess::ReadWrite);
    EXPECT_TRUE(ser.tx.deferrable);
    EXPECT_TRUE(my("COMMIT AND CHAIN").has(FlagChain));
    EXPECT_FALSE(my("COMMIT AND NO CHAIN").has(FlagChain));
    EXPECT_TRUE(my("ROLLBACK WORK").has(FlagRollsBackTransaction));
    EXPECT_TRUE(my("ROLLBACK TO SAVEPOINT a").has(FlagSavepoint));
    EXPECT_FALSE(my("ROLLBACK TO SAVEPOINT a").has(FlagRollsBackTransaction));
    EXPECT_TRUE(my("CREATE TABLE t (a int)").has(FlagImplicitCommit));
    EXPECT_FALSE(my("CREATE TEMPORARY TABLE t (a int)").has(FlagImplicitCommit));
    EXPECT_FALSE(pg("CREATE TABLE t (a int)").has(FlagImplicitCommit));
}

TEST(Classifier, SessionEffectsOfSet)
{
    PacketInfo p = classify(Dialect::MySQL,
                            "SET autocommit=0, sql_mode='ANSI_QUOTES', @x := 1, SESSION transaction_isolation="
                            "'SERIALIZABLE', GLOBAL max_connections=10");
    ASSERT_EQ(p.statements.size(), 1u);
    EXPECT_TRUE(p.statements[0].has(FlagGlobalScope));
    EXPECT_EQ(p.statements[0].requirement, Requirement::Primary);
    ASSERT_EQ(p.effects.size(), 4u);
    EXPECT_EQ(p.effects[0].kind, EffectKind::Autocommit);
    EXPECT_EQ(p.effects[0].value, 0);
    EXPECT_EQ(p.effects[1].kind, EffectKind::SqlMode);
    EXPECT_EQ(p.effects[1].text, "ANSI_QUOTES");
    EXPECT_EQ(p.effects[2].kind, EffectKind::UserVariable);
    EXPECT_EQ(p.effects[2].name, "x");
    EXPECT_EQ(p.effects[3].kind, EffectKind::SessionIsolation);
    EXPECT_EQ(p.effects[3].value, static_cast<int>(Isolation::Serializable));

    PacketInfo unknown = classify(Dialect::MySQL, "SET autocommit = IF(@a, 1, 0)");
    ASSERT_EQ(unknown.effects.size(), 1u);
    EXPECT_EQ(unknown.effects[0].value, -1);

    PacketInfo scs = classify(Dialect::PostgreSQL, "SET standard_conforming_strings TO off");
    ASSERT_EQ(scs.effects.size(), 1u);
    EXPECT_EQ(scs.effects[0].kind, EffectKind::StandardConformingStrings);
    EXPECT_EQ(scs.effects[0].value, 0);
}

TEST(Classifier, ObjectsCreatedAndDropped)
{
    PacketInfo t = classify(Dialect::PostgreSQL, "CREATE TEMP TABLE IF NOT EXISTS s.tt (a int)");
    ASSERT_EQ(t.effects.size(), 1u);
    EXPECT_EQ(t.effects[0].kind, EffectKind::TempCreate);
    EXPECT_EQ(t.effects[0].name, "tt");
    PacketInfo d = classify(Dialect::MySQL, "DROP TEMPORARY TABLE IF EXISTS a, `b`");
    ASSERT_EQ(d.effects.size(), 2u);
    EXPECT_EQ(d.effects[0].name, "a");
    EXPECT_EQ(d.effects[1].name, "b");
    PacketInfo prep = classify(Dialect::PostgreSQL, "PREPARE q (int) AS SELECT $1");
    ASSERT_EQ(prep.effects.size(), 1u);
    EXPECT_EQ(prep.effects[0].name, "q");
    EXPECT_EQ(prep.effects[0].text, "SELECT $1");
    PacketInfo cur = classify(Dialect::PostgreSQL, "DECLARE c SCROLL CURSOR WITH HOLD FOR SELECT 1");
    ASSERT_EQ(cur.effects.size(), 1u);
    EXPECT_EQ(cur.effects[0].kind, EffectKind::CursorDeclare);
    EXPECT_EQ(cur.effects[0].value, 1);
}

TEST(Classifier, MultiStatementsAndCompoundBodies)
{
    EXPECT_EQ(classify(Dialect::MySQL, "SELECT 1; SELECT 2;").statements.size(), 2u);
    EXPECT_EQ(classify(Dialect::MySQL, "SELECT 1;;  ;").statements.size(), 1u);
    EXPECT_EQ(classify(Dialect::MySQL, "/* c */").statements.size(), 0u);
    PacketInfo proc = classify(Dialect::MySQL, "CREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END; SELECT 3");
    ASSERT_EQ(proc.statements.size(), 1u);
    EXPECT_TRUE(proc.statements[0].has(FlagCompound));
    // A statement's text is its own part of the packet.
    PacketInfo two = classify(Dialect::PostgreSQL, "  SELECT 1 ;\n INSERT INTO t VALUES (2) ; ");
    ASSERT_EQ(two.statements.size(), 2u);
    EXPECT_EQ(two.statements[0].text, "SELECT 1");
    EXPECT_EQ(two.statements[1].text, "INSERT INTO t VALUES (2)");
}

TEST(Classifier, FunctionCatalogIsConfigurable)
{
    auto functions = std::make_shared<FunctionCatalog>(FunctionCatalog::defaults(Dialect::PostgreSQL));
    functions->set("my_stable_fn", FunctionClass::ReadOnly);
    functions->set("random", FunctionClass::Write);
    Classifier custom(Dialect::PostgreSQL, functions);
    EXPECT_EQ(custom.classify("SELECT my_stable_fn(1)").statements[0].requirement, Requirement::Read);
    EXPECT_EQ(custom.classify("SELECT random()").statements[0].requirement, Requirement::Primary);
    EXPECT_EQ(Classifier(Dialect::PostgreSQL).classify("SELECT my_stable_fn(1)").statements[0].requirement,
              Requirement::Primary);
    functions->remove("my_stable_fn");
    EXPECT_EQ(functions->lookup("my_stable_fn"), FunctionClass::Unknown);
    EXPECT_EQ(functions->lookup("NOW"), FunctionClass::ReadOnly);
    EXPECT_EQ(functions->lookupExact("NOW", foldHash("NOW")), FunctionClass::Unknown);
}

TEST(Classifier, DialectSpecificCatalogs)
{
    // MariaDB's NEXTVAL is a sequence; in MySQL it is some user's function (still the primary).
    EXPECT_TRUE(maria("SELECT NEXTVAL(s)").has(FlagSequence));
    EXPECT_TRUE(my("SELECT NEXTVAL(s)").has(FlagUnknownFunction));
    EXPECT_EQ(FunctionCatalog::defaults(Dialect::MySQL).lookup("get_lock"), FunctionClass::NamedLock);
    EXPECT_EQ(FunctionCatalog::defaults(Dialect::PostgreSQL).lookup("pg_advisory_lock"), FunctionClass::NamedLock);
    EXPECT_EQ(FunctionCatalog::defaults(Dialect::PostgreSQL).lookup("set_config"), FunctionClass::SessionSetter);
}

TEST(Classifier, UnknownSyntaxIsNeverARead)
{
    for (const char *sql : {"FROB", "(FROB)", "'x'", "42", "@a", "- SELECT 1", "GET SOMETHING", "START BANANA"}) {
        PacketInfo p = classify(Dialect::MySQL, sql);
        for (const StatementInfo &st : p.statements)
            EXPECT_EQ(st.requirement, Requirement::Primary) << sql;
    }
}
