#include "switchyard/ui/tr.h"

namespace switchyard::ui {

QString errorCodeText(ErrorCode code)
{
    switch (code) {
    case ErrorCode::InvalidArgument: return Tr::tr("Invalid input");
    case ErrorCode::NotFound: return Tr::tr("Not found");
    case ErrorCode::AlreadyExists: return Tr::tr("Already exists");
    case ErrorCode::Io: return Tr::tr("File or process error");
    case ErrorCode::ParseError: return Tr::tr("Could not parse");
    case ErrorCode::ConnectFailed: return Tr::tr("Cannot connect");
    case ErrorCode::AuthFailed: return Tr::tr("Access denied (wrong user or password)");
    case ErrorCode::TlsFailed: return Tr::tr("TLS failed");
    case ErrorCode::Timeout: return Tr::tr("Timed out");
    case ErrorCode::Cancelled: return Tr::tr("Cancelled");
    case ErrorCode::ConnectionLost: return Tr::tr("Connection lost");
    case ErrorCode::QueryFailed: return Tr::tr("Statement failed");
    case ErrorCode::NotConnected: return Tr::tr("Not connected");
    case ErrorCode::PortInUse: return Tr::tr("Port already in use");
    case ErrorCode::BinaryMissing: return Tr::tr("Server program not installed");
    case ErrorCode::DataDirInUse: return Tr::tr("Data directory in use");
    case ErrorCode::ProcessFailed: return Tr::tr("Server process failed");
    case ErrorCode::Unsupported: return Tr::tr("Not supported");
    case ErrorCode::Internal: return Tr::tr("Internal error");
    }
    return Tr::tr("Internal error");
}

QString describeError(const Error &error)
{
    QString text = errorCodeText(error.code);
    if (!error.node.empty())
        text = Tr::tr("%1 on %2").arg(text, qs(error.node));
    if (!error.message.empty())
        text += QStringLiteral(": ") + qs(error.message);
    if (error.serverCode != 0)
        text += Tr::tr(" (error %1)").arg(error.serverCode);
    return text;
}

} // namespace switchyard::ui
