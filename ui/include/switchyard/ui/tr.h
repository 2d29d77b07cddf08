// One translation context for every user-visible string of the ui library and the executables
// (Qt Creator's habit): Tr::tr("...") outside QObject subclasses; QObject subclasses may use
// their own tr(). Core never produces words for users; describeError() turns its codes into them.
#pragma once

#include "switchyard/result.h"

#include <QCoreApplication>
#include <QString>

namespace switchyard::ui {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Switchyard)
};

// "Timed out on 127.0.0.1:23307: no answer within 2000 ms" - what went wrong and where, in words.
QString describeError(const Error &error);
// The code alone in words ("The connection timed out").
QString errorCodeText(ErrorCode code);

inline QString qs(const std::string &s) { return QString::fromStdString(s); }
inline QString qs(std::string_view s) { return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size())); }

} // namespace switchyard::ui
