// Creates or edits a cluster profile: engine, seed nodes, monitor and admin users, TLS,
// polling and lag thresholds. Passwords typed here go to the keychain, never into the profile;
// the dialog returns them separately so the caller can store them.
//
// Thread contract: GUI thread only; no I/O.
#pragma once

#include "switchyard/ui/profile.h"

#include <QDialog>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTableWidget;

namespace switchyard::ui {

class ProfileDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ProfileDialog(QWidget *parent = nullptr);

    void setProfile(const Profile &profile);
    // The profile as entered; call after accept(), or use validationProblem() first.
    Profile profile() const;
    QString monitorPassword() const;  // empty: leave the stored one unchanged
    QString adminPassword() const;
    // Names already taken (the dialog refuses them for a new name).
    void setTakenNames(const QStringList &names) { m_taken = names; }
    std::optional<QString> validationProblem() const;

    void accept() override;

private:
    void addSeedRow(const ProfileNode &node);
    void updateTlsFields();

    QLineEdit *m_name = nullptr;
    QComboBox *m_engine = nullptr;
    QTableWidget *m_seeds = nullptr;
    QLineEdit *m_monitorUser = nullptr;
    QLineEdit *m_monitorPassword = nullptr;
    QLineEdit *m_adminUser = nullptr;
    QLineEdit *m_adminPassword = nullptr;
    QComboBox *m_tlsMode = nullptr;
    QLineEdit *m_caFile = nullptr;
    QLineEdit *m_certFile = nullptr;
    QLineEdit *m_keyFile = nullptr;
    QSpinBox *m_pollMs = nullptr;
    QSpinBox *m_connectMs = nullptr;
    QSpinBox *m_readMs = nullptr;
    QDoubleSpinBox *m_warn = nullptr;
    QDoubleSpinBox *m_critical = nullptr;
    QLabel *m_problem = nullptr;
    QStringList m_taken;
    QString m_originalName;
    Profile m_base;  // keeps fields the dialog does not edit (sandbox link)
};

} // namespace switchyard::ui
