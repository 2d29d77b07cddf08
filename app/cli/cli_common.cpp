#include "cli_common.h"

#include "switchyard/ui/credential_resolver.h"
#include "switchyard/ui/profile_store.h"
#include "switchyard/ui/secret_store.h"
#include "switchyard/ui/tr.h"

#include <QEventLoop>
#include <QTimer>

#include <QTextStream>

#include <cstdio>
#include <iostream>
#include <string>
#include <termios.h>
#include <unistd.h>

namespace switchyard::cli {

int fail(const QString &reason, int code)
{
    // Exactly one line: collapse any newlines the reason carries.
    QString line = reason;
    line.replace(QLatin1Char('\n'), QLatin1String("; "));
    std::fprintf(stderr, "switchyard-cli: %s\n", line.toLocal8Bit().constData());
    std::fflush(stderr);
    return code;
}

int fail(const Error &error, int code)
{
    return fail(ui::describeError(error), code);
}

int parseOrExit(QCommandLineParser &parser, const QStringList &args)
{
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")},
                                  ui::Tr::tr("Show this help and exit."));
    parser.addOption(help);
    if (!parser.parse(args))
        return fail(parser.errorText() + ui::Tr::tr(" (see --help)"), ExitUsage);
    if (parser.isSet(help)) {
        // QCommandLineParser::helpText() names the program from argv[0]; args[0] names the command.
        QString text = parser.helpText();
        const QString firstLine = text.section(QLatin1Char('\n'), 0, 0);
        if (firstLine.startsWith(QLatin1String("Usage: ")))
            text.replace(0, firstLine.size(), firstLine.section(QLatin1Char(' '), 0, 0) + QLatin1Char(' ') + args.value(0)
                                                  + QLatin1Char(' ') + firstLine.section(QLatin1Char(' '), 2));
        std::fputs(text.toLocal8Bit().constData(), stdout);
        return ExitOk;
    }
    return -1;
}

void printLine(const QString &line)
{
    std::fputs(line.toLocal8Bit().constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

void printJson(const QJsonDocument &doc)
{
    const QByteArray bytes = doc.toJson(QJsonDocument::Compact);
    std::fwrite(bytes.constData(), 1, static_cast<std::size_t>(bytes.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

Result<std::string> passwordFromEnvOrPrompt(const QString &prompt)
{
    const QByteArray env = qgetenv("SWITCHYARD_PASSWORD");
    if (!env.isEmpty())
        return env.toStdString();
    if (!isatty(STDIN_FILENO))
        return makeError(ErrorCode::InvalidArgument,
                         "no password: set SWITCHYARD_PASSWORD or store it in the keychain (stdin is not a terminal, "
                         "so there is nobody to ask)");
    std::fprintf(stderr, "%s: ", prompt.toLocal8Bit().constData());
    std::fflush(stderr);
    termios old{};
    const bool haveTerm = tcgetattr(STDIN_FILENO, &old) == 0;
    if (haveTerm) {
        termios quiet = old;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    std::string line;
    std::getline(std::cin, line);
    if (haveTerm)
        tcsetattr(STDIN_FILENO, TCSANOW, &old);
    std::fputc('\n', stderr);
    return line;
}

std::optional<ui::Profile> loadProfileOrFail(const QString &name)
{
    QString problem;
    auto profile = ui::ProfileStore().load(name, &problem);
    if (!profile)
        fail(problem);
    return profile;
}

Result<std::string> passwordFor(const ui::Profile &profile, const QString &user)
{
    ui::KeychainSecretStore keychain;
    ui::CredentialResolver resolver(&keychain);
    std::optional<ui::CredentialOutcome> outcome;
    QEventLoop loop;
    QTimer::singleShot(15000, &loop, &QEventLoop::quit);
    resolver.resolve(profile, user, &loop, [&](const ui::CredentialOutcome &o) {
        outcome = o;
        loop.quit();
    });
    if (!outcome)
        loop.exec();
    if (outcome && outcome->found())
        return outcome->password.toStdString();
    if (profile.isSandbox())
        return makeError(ErrorCode::NotFound, outcome ? outcome->problem.toStdString() : std::string("sandbox credentials not readable"));
    auto typed = passwordFromEnvOrPrompt(ui::Tr::tr("Password of %1 for %2").arg(user, profile.name));
    if (!typed && outcome)
        return makeError(ErrorCode::NotFound, outcome->problem.toStdString() + "; " + typed.error().message);
    return typed;
}

} // namespace switchyard::cli
