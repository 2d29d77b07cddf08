// The statement classifier: turns SQL text into StatementInfo records (kind, command, flags,
// session effects, Requirement) using the dialect-aware Lexer. It reads every token of every
// statement: FOR UPDATE, INTO, unknown functions, data-modifying CTEs and a second statement
// after ';' can appear anywhere.
//
// It is deliberately not a parser. When it cannot tell, it says Primary: "route only
// confirmed reads to a replica".
//
// Thread contract: a Classifier is immutable after construction; classify() is const and may
// be called from several threads at once, each with its own PacketInfo.
#pragma once

#include "switchyard/routing/dialect.h"
#include "switchyard/routing/function_catalog.h"
#include "switchyard/routing/lexer.h"
#include "switchyard/routing/statement.h"

#include <memory>
#include <string_view>

namespace switchyard::routing {

class Classifier
{
public:
    // functions: the catalog to judge function calls with; nullptr means the dialect defaults.
    explicit Classifier(Dialect dialect, std::shared_ptr<const FunctionCatalog> functions = nullptr);

    Dialect dialect() const { return m_dialect; }
    const FunctionCatalog &functions() const { return *m_functions; }

    // Classifies every statement of a packet. `out` is cleared first; reuse one PacketInfo
    // to avoid allocating after the first calls. options.dialect must equal dialect().
    void classify(std::string_view sql, const LexOptions &options, PacketInfo &out) const;

    // Convenience: default lexing options for the dialect.
    PacketInfo classify(std::string_view sql) const;

private:
    Dialect m_dialect;
    std::shared_ptr<const FunctionCatalog> m_functions;
};

} // namespace switchyard::routing
