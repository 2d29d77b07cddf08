#include "switchyard/result.h"

namespace switchyard {

std::string_view errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::InvalidArgument: return "invalid_argument";
    case ErrorCode::NotFound: return "not_found";
    case ErrorCode::AlreadyExists: return "already_exists";
    case ErrorCode::Io: return "io";
    case ErrorCode::ParseError: return "parse_error";
    case ErrorCode::ConnectFailed: return "connect_failed";
    case ErrorCode::AuthFailed: return "auth_failed";
    case ErrorCode::TlsFailed: return "tls_failed";
    case ErrorCode::Timeout: return "timeout";
    case ErrorCode::Cancelled: return "cancelled";
    case ErrorCode::ConnectionLost: return "connection_lost";
    case ErrorCode::QueryFailed: return "query_failed";
    case ErrorCode::NotConnected: return "not_connected";
    case ErrorCode::PortInUse: return "port_in_use";
    case ErrorCode::BinaryMissing: return "binary_missing";
    case ErrorCode::DataDirInUse: return "data_dir_in_use";
    case ErrorCode::ProcessFailed: return "process_failed";
    case ErrorCode::Unsupported: return "unsupported";
    case ErrorCode::Internal: return "internal";
    }
    return "internal";
}

std::string Error::describe() const
{
    std::string out(errorCodeName(code));
    if (!node.empty()) {
        out += ": ";
        out += node;
    }
    if (!message.empty()) {
        out += ": ";
        out += message;
    }
    if (serverCode != 0 || !sqlState.empty()) {
        out += " (";
        if (serverCode != 0)
            out += "code " + std::to_string(serverCode);
        if (serverCode != 0 && !sqlState.empty())
            out += ", ";
        if (!sqlState.empty())
            out += "SQLSTATE " + sqlState;
        out += ")";
    }
    return out;
}

} // namespace switchyard
