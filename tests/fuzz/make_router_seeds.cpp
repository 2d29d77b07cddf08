// Writes fuzz_router seed inputs from the routing corpora: one file per corpus line, its setup
// statements and its statement as 0x00-separated packets, behind two configuration bytes that
// select the line's dialect and vary policy, consistency, server version and session options.
//
//   make_router_seeds OUTPUT_DIR CORPUS.jsonl [CORPUS.jsonl ...]
#include "json_lite.h"

#include <fstream>
#include <iostream>
#include <string>

using switchyard::routing::test::Json;

int main(int argc, char **argv)
{
    if (argc < 3) {
        std::cerr << "usage: make_router_seeds OUTPUT_DIR CORPUS.jsonl...\n";
        return 2;
    }
    const std::string out = argv[1];
    int written = 0;
    for (int f = 2; f < argc; ++f) {
        std::ifstream in(argv[f]);
        if (!in) {
            std::cerr << "cannot read " << argv[f] << "\n";
            return 1;
        }
        std::string line;
        while (std::getline(in, line)) {
            auto j = Json::parse(line);
            if (!j)
                continue;
            const std::string dialect = j->str("dialect");
            const unsigned d = dialect == "mariadb" ? 1 : dialect == "postgres" ? 2 : 0;
            // dialect in b0 % 3; the other bits of b0 and b1 vary with the line number.
            unsigned b0 = d + 3 * static_cast<unsigned>((written * 7) % 85);
            unsigned b1 = static_cast<unsigned>((written * 13) % 256);
            std::string data;
            data.push_back(static_cast<char>(b0 & 0xff));
            data.push_back(static_cast<char>(b1 & 0xff));
            if (const Json *setup = j->get("setup"))
                for (const Json &s : setup->array) {
                    data += s.string;
                    data.push_back('\0');
                }
            data += j->str("sql");
            std::ofstream seed(out + "/seed-" + std::to_string(written), std::ios::binary);
            seed << data;
            ++written;
        }
    }
    std::cout << written << " seeds in " << out << "\n";
    return 0;
}
