// Saved cluster profiles: one JSON file per profile in the XDG config directory
// ($XDG_CONFIG_HOME/switchyard/profiles/<name>.json). Import and export use the same JSON,
// which never carries a secret.
//
// A malformed or hand-edited file does not stop the others from loading: loadAll() returns the
// good profiles and, separately, one problem per bad file naming the file and what is wrong.
//
// Thread contract: not thread-safe; file I/O on small local files only (never the network).
#pragma once

#include "switchyard/ui/profile.h"

#include <QList>
#include <QString>

#include <optional>

namespace switchyard::core {
struct SandboxInfo;
}

namespace switchyard::ui {

struct ProfileLoadProblem
{
    QString file;
    QString problem;   // translated sentence
};

class ProfileStore
{
public:
    // dir: empty means defaultDirectory().
    explicit ProfileStore(QString dir = {});
    static QString defaultDirectory();
    const QString &directory() const { return m_dir; }

    QList<Profile> loadAll(QList<ProfileLoadProblem> *problems = nullptr) const;
    std::optional<Profile> load(const QString &name, QString *problem = nullptr) const;
    bool contains(const QString &name) const;
    // Writes atomically (QSaveFile). Fails when the profile does not validate.
    bool save(const Profile &profile, QString *error = nullptr) const;
    bool remove(const QString &name, QString *error = nullptr) const;
    // Returns a name not yet used: base, "base (2)", "base (3)", ...
    QString uniqueName(const QString &base) const;

    bool exportTo(const Profile &profile, const QString &file, QString *error = nullptr) const;
    std::optional<Profile> importFrom(const QString &file, QString *error = nullptr) const;

    QString fileFor(const QString &name) const;

private:
    QString m_dir;
};

// Creates or updates the profile named after the sandbox (monitor/admin users from its
// credentials, seeds = its nodes, sandboxName/sandboxRoot set). Used by `sandbox up` and by
// `switchyard --sandbox`.
bool registerSandboxProfile(const core::SandboxInfo &info, const ProfileStore &store, QString *error = nullptr);

} // namespace switchyard::ui
