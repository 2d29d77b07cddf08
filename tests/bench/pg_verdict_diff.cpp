// Read/write verdicts on any PostgreSQL SQL: every statement of the files given, as Switchyard
// routes it and as libpg_query's parse tree says (pg_query_verdict.h). A statement Switchyard
// would send to a replica while the parser sees a write is unsafe: each is printed, and the
// exit status is 1 (2 when a file could not be read or split, so a check that left something
// out never passes). The other way round (the primary for a read) is only conservative: counted,
// and printed with --verbose.
//
//   pg_verdict_diff [--verbose] FILE.sql... (- for standard input)
//
// Statements are split by PostgreSQL's own scanner (pg_query_split_with_scanner). Lines that
// start with a backslash (psql meta-commands) and the inline data after COPY ... FROM stdin are
// dropped first; statements libpg_query cannot
// parse are counted and left out, since neither verdict means anything for them.
#include "pg_query_verdict.h"

#include <cctype>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

using namespace switchyard::routing::pgverdict;

namespace {

bool containsIgnoreCase(std::string hay, std::string_view needle)
{
    for (char &c : hay)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return hay.find(needle) != std::string::npos;
}

// psql's input without what psql itself consumes: meta-command lines (\d, \set, ...) and the
// inline data of COPY ... FROM stdin, up to its "\." line.
std::string withoutMetaCommands(const std::string &text)
{
    std::istringstream in(text);
    std::string out, line;
    bool copyData = false;
    while (std::getline(in, line)) {
        if (copyData) {
            copyData = line.rfind("\\.", 0) != 0;
            continue;
        }
        const auto first = line.find_first_not_of(" \t");
        if (first != std::string::npos && line[first] == '\\')
            line.clear();
        const auto last = line.find_last_not_of(" \t\r");
        copyData = last != std::string::npos && line[last] == ';' && containsIgnoreCase(line, "from stdin");
        out += line;
        out += '\n';
    }
    return out;
}

// The statements of `text`; when PostgreSQL's scanner fails (an unterminated literal, say),
// says where on stderr and returns none, so the summary's count shows the file was left out.
std::vector<std::string> split(const std::string &text, const std::string &file, bool &leftOut)
{
    std::vector<std::string> out;
    PgQuerySplitResult r = pg_query_split_with_scanner(text.c_str());
    leftOut |= r.error != nullptr;
    if (r.error)
        std::fprintf(stderr, "pg_verdict_diff: %s left out: the scanner stopped at offset %d: %s\n", file.c_str(),
                     r.error->cursorpos, r.error->message ? r.error->message : "(no message)");
    else
        for (int i = 0; i < r.n_stmts; ++i) {
            const std::string s = text.substr(static_cast<std::size_t>(r.stmts[i]->stmt_location),
                                              static_cast<std::size_t>(r.stmts[i]->stmt_len));
            if (s.find_first_not_of(" \t\r\n") != std::string::npos)
                out.push_back(s);
        }
    pg_query_free_split_result(r);
    return out;
}

std::string oneLine(std::string s)
{
    for (char &c : s)
        if (c == '\n' || c == '\r' || c == '\t')
            c = ' ';
    if (s.size() > 300)
        s = s.substr(0, 300) + "...";
    return s;
}

} // namespace

int main(int argc, char **argv)
{
    bool verbose = false;
    std::vector<std::string> files;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--verbose") == 0)
            verbose = true;
        else
            files.emplace_back(argv[i]);
    }
    if (files.empty()) {
        std::fprintf(stderr, "usage: pg_verdict_diff [--verbose] FILE.sql... (- for standard input)\n");
        return 2;
    }
    bool leftOut = false;
    long statements = 0, unparsed = 0, reads = 0, writes = 0, unsafe = 0, conservative = 0;
    for (const std::string &file : files) {
        std::stringstream buffer;
        if (file == "-") {
            buffer << std::cin.rdbuf();
        } else {
            std::ifstream in(file, std::ios::binary);
            if (!in) {
                std::fprintf(stderr, "pg_verdict_diff: cannot read %s\n", file.c_str());
                return 2;
            }
            buffer << in.rdbuf();
        }
        for (const std::string &sql : split(withoutMetaCommands(buffer.str()), file, leftOut)) {
            ++statements;
            bool parsed = false;
            const bool parserRead = pgQueryVerdict(sql, &parsed);
            if (!parsed) {
                ++unparsed;
                continue;
            }
            const bool ourRead = switchyardVerdict(sql);
            (parserRead ? reads : writes) += 1;
            if (ourRead && !parserRead) {
                ++unsafe;
                std::printf("UNSAFE (replica, the parser sees a write) %s: %s\n", file.c_str(), oneLine(sql).c_str());
            } else if (!ourRead && parserRead) {
                ++conservative;
                if (verbose)
                    std::printf("conservative (primary, the parser sees a read) %s: %s\n", file.c_str(),
                                oneLine(sql).c_str());
            }
        }
    }
    std::printf("%ld statements, %ld libpg_query cannot parse; of the %ld parsed: %ld reads, %ld writes by the "
                "parser; unsafe (a write sent to a replica): %ld; conservative (a read kept on the primary): %ld\n",
                statements, unparsed, reads + writes, reads, writes, unsafe, conservative);
    return unsafe > 0 ? 1 : leftOut ? 2 : 0;
}
