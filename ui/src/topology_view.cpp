#include "switchyard/ui/topology_view.h"
#include "switchyard/ui/problems_model.h"
#include "switchyard/ui/tr.h"

#include <QDateTime>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QGraphicsItem>
#include <QGraphicsScene>
#include <QKeyEvent>
#include <QPainter>
#include <QPainterPathStroker>
#include <QScrollBar>
#include <QStaticText>
#include <QStyleOptionGraphicsItem>
#include <QSvgGenerator>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <tuple>

namespace switchyard::ui {

namespace {

constexpr double kCardWidth = 232;
constexpr double kCardHeight = 100;
constexpr double kSceneMargin = 48;
constexpr double kArrowLength = 10;
constexpr double kArrowHalfWidth = 5;
constexpr double kDetailLod = 0.45; // below this zoom, cards are drawn without text
constexpr double kZoomStep = 1.25;

const QColor kSceneBackground(0xf4, 0xf6, 0xf9);
const QColor kCardFill(0xff, 0xff, 0xff);
const QColor kCardFillDimmed(0xfb, 0xec, 0xec);
const QColor kCardBorder(0xb8, 0xc1, 0xcc);
const QColor kPrimaryColor(0x1f, 0x4e, 0x8c);
const QColor kReplicaColor(0x2f, 0x8f, 0x83);
const QColor kCoPrimaryColor(0x3d, 0x6a, 0xa8);
const QColor kUnknownColor(0x90, 0x99, 0xa4);
const QColor kDownColor(0xc6, 0x28, 0x28);
const QColor kNameColor(0x1d, 0x27, 0x33);
const QColor kMutedColor(0x5b, 0x66, 0x75);
const QColor kSelectionColor(0x29, 0x79, 0xff);
const QColor kMismatchFill(0xff, 0xf1, 0xd6);
const QColor kMismatchText(0x8a, 0x5a, 0x00);
const QColor kPillFill(0xec, 0xef, 0xf3);
const QColor kPillText(0x37, 0x47, 0x4f);
const QColor kHighlightColor(0x2e, 0x7d, 0x32);
const QColor kHighlightProblemColor(0xc6, 0x28, 0x28);

struct BadgeColours
{
    QColor fill, border, text;
};

BadgeColours badgeColours(LagLevel level)
{
    switch (level) {
    case LagLevel::Ok:
        return {QColor(0xe3, 0xf4, 0xe4), QColor(0x43, 0xa0, 0x47), QColor(0x1b, 0x5e, 0x20)};
    case LagLevel::Warning:
        return {QColor(0xff, 0xf0, 0xcc), QColor(0xf0, 0xa0, 0x00), QColor(0x7a, 0x4f, 0x00)};
    case LagLevel::Critical:
        return {QColor(0xfd, 0xe3, 0xe1), QColor(0xd3, 0x2f, 0x2f), QColor(0xb7, 0x1c, 0x1c)};
    case LagLevel::Unknown:
        return {QColor(0xef, 0xe9, 0xd8), QColor(0xa8, 0x99, 0x6a), QColor(0x5e, 0x54, 0x33)};
    case LagLevel::NotApplicable:
        break;
    }
    return {kPillFill, kCardBorder, kPillText};
}

struct EdgeLook
{
    QColor color;
    Qt::PenStyle style = Qt::SolidLine;
    double width = 2.0;
};

EdgeLook edgeLook(core::EdgeState state)
{
    switch (state) {
    case core::EdgeState::Running:
        return {QColor(0x43, 0xa0, 0x47), Qt::SolidLine, 2.0};
    case core::EdgeState::Lagging:
        return {QColor(0xf0, 0xa0, 0x00), Qt::SolidLine, 2.6};
    case core::EdgeState::Stopped:
        return {QColor(0x86, 0x8e, 0x98), Qt::DashLine, 2.0};
    case core::EdgeState::Error:
        return {QColor(0xd3, 0x2f, 0x2f), Qt::SolidLine, 2.6};
    case core::EdgeState::Unknown:
        break;
    }
    return {QColor(0x9a, 0xa0, 0xa6), Qt::DotLine, 2.0};
}

QString edgeStateText(core::EdgeState state)
{
    switch (state) {
    case core::EdgeState::Running:
        return Tr::tr("running");
    case core::EdgeState::Lagging:
        return Tr::tr("lagging");
    case core::EdgeState::Stopped:
        return Tr::tr("stopped");
    case core::EdgeState::Error:
        return Tr::tr("error");
    case core::EdgeState::Unknown:
        break;
    }
    return Tr::tr("unknown");
}

// Fonts and thresholds shared by all items of one view.
struct Style
{
    explicit Style(const QFont &base)
        : roleFont(font(base, 10, true)), nameFont(font(base, 14, true)), smallFont(font(base, 11, false)),
          badgeFont(font(base, 11, true)), labelFont(font(base, 10, true)), roleMetrics(roleFont),
          nameMetrics(nameFont), smallMetrics(smallFont), badgeMetrics(badgeFont), labelMetrics(labelFont)
    {
    }
    static QFont font(const QFont &base, int pixels, bool bold)
    {
        QFont f = base;
        f.setPixelSize(pixels);
        f.setBold(bold);
        return f;
    }

    QFont roleFont, nameFont, smallFont, badgeFont, labelFont;
    QFontMetricsF roleMetrics, nameMetrics, smallMetrics, badgeMetrics, labelMetrics;
    double warn = 10.0;
    double critical = 30.0;
    bool exporting = false;
};

// Everything a card says, prepared outside paint(); texts as they are, before elision.
struct CardContent
{
    QString name;
    QString role;
    QColor roleColor;
    QColor rolePillFill;
    bool primary = false;
    QString access;
    bool accessMismatch = false;
    QString address;
    QString badge;
    LagLevel level = LagLevel::NotApplicable;
    QString state;
    QColor stateColor;
    bool dimmed = false;
    int problems = 0;
    std::optional<core::Severity> worst;
    bool operator==(const CardContent &) const = default;
};

// A text laid out once (QStaticText) and drawn many times; laid out again only when it changes.
struct CachedText
{
    QStaticText text;
    double width = 0;

    void set(const QString &value, const QFontMetricsF &metrics)
    {
        text.setText(value);
        text.setTextFormat(Qt::PlainText);
        width = metrics.horizontalAdvance(value);
    }
    void drawLeft(QPainter *p, const QRectF &box, const QFontMetricsF &metrics) const
    {
        p->drawStaticText(QPointF(box.left(), box.center().y() - metrics.height() / 2), text);
    }
    void drawCentred(QPainter *p, const QRectF &box, const QFontMetricsF &metrics) const
    {
        p->drawStaticText(QPointF(box.center().x() - width / 2, box.center().y() - metrics.height() / 2),
                          text);
    }
};

class NodeItem : public QGraphicsItem
{
public:
    NodeItem(QString name, const Style *style) : m_name(std::move(name)), m_style(style)
    {
        setFlag(ItemIsSelectable);
        setCursor(Qt::PointingHandCursor);
        setZValue(2);
    }
    const QString &name() const { return m_name; }
    const CardContent &content() const { return m_content; }
    bool placed() const { return m_placed; }
    void setPlaced() { m_placed = true; }
    void setContent(CardContent c)
    {
        if (c == m_content && m_prepared)
            return;
        const Style &st = *m_style;
        const bool all = !m_prepared;
        if (all || c.name != m_content.name)
            m_nameText.set(st.nameMetrics.elidedText(c.name, Qt::ElideMiddle, kCardWidth - 28),
                           st.nameMetrics);
        if (all || c.role != m_content.role)
            m_roleText.set(c.role, st.roleMetrics);
        if (all || c.access != m_content.access)
            m_accessText.set(c.access, st.roleMetrics);
        if (all || c.address != m_content.address)
            m_addressText.set(st.smallMetrics.elidedText(c.address, Qt::ElideRight, kCardWidth - 28),
                              st.smallMetrics);
        if (all || c.badge != m_content.badge)
            m_badgeText.set(c.badge, st.badgeMetrics);
        if (all || c.badge != m_content.badge || c.state != m_content.state) {
            const double left = stateLeft(c.badge.isEmpty());
            m_stateText.set(st.smallMetrics.elidedText(c.state, Qt::ElideRight, kCardWidth - left - 10),
                            st.smallMetrics);
        }
        if (all || c.problems != m_content.problems)
            m_problemText.set(c.problems > 9 ? QStringLiteral("9+") : QString::number(c.problems),
                              st.roleMetrics);
        m_content = std::move(c);
        m_prepared = true;
        update();
    }
    QRectF cardRect() const { return QRectF(0, 0, kCardWidth, kCardHeight); }
    QRectF boundingRect() const override
    {
        return m_highlight ? QRectF(-8, -20, kCardWidth + 16, kCardHeight + 28)
                           : QRectF(-5, -5, kCardWidth + 10, kCardHeight + 10);
    }
    bool highlighted() const { return m_highlight; }
    const QString &highlightTag() const { return m_tagText; }
    void setHighlight(bool on, const QString &tag, bool problem)
    {
        if (on == m_highlight && tag == m_tagText && problem == m_highlightProblem)
            return;
        prepareGeometryChange();
        m_highlight = on;
        m_highlightProblem = problem;
        m_tagText = tag;
        m_tag.set(tag, m_style->roleMetrics);
        setZValue(on ? 3 : 2);
        update();
    }

    void paint(QPainter *p, const QStyleOptionGraphicsItem *option, QWidget *) override
    {
        const CardContent &c = m_content;
        const Style &st = *m_style;
        const QRectF r = cardRect();
        const double lod = option->levelOfDetailFromTransform(p->worldTransform());
        const bool selected = isSelected() && !st.exporting;
        const QColor stripe = c.dimmed ? kDownColor : c.roleColor;
        p->setRenderHint(QPainter::Antialiasing, true);

        if (lod < kDetailLod) {
            // Far away: the shape of the cluster and its colours, no text.
            p->setPen(selected ? QPen(kSelectionColor, 3 / lod)
                               : QPen(c.dimmed ? kDownColor : kCardBorder, 1 / lod));
            p->setBrush(c.dimmed ? kCardFillDimmed : kCardFill);
            p->drawRect(r);
            p->fillRect(QRectF(0, 0, 14, kCardHeight), stripe);
            if (c.level != LagLevel::NotApplicable)
                p->fillRect(QRectF(22, kCardHeight - 34, 90, 24), lagLevelColor(c.level));
            if (c.worst)
                p->fillRect(QRectF(kCardWidth - 40, 8, 32, 32), severityColor(*c.worst));
            if (m_highlight)
                paintHighlight(p, lod);
            return;
        }

        if (selected) {
            p->setPen(QPen(kSelectionColor, 3));
            p->setBrush(Qt::NoBrush);
            p->drawRoundedRect(r.adjusted(-3, -3, 3, 3), 9, 9);
        }
        // Card with a coloured stripe on the left: the role at a glance.
        const QColor fill = c.dimmed ? kCardFillDimmed : kCardFill;
        p->setPen(Qt::NoPen);
        p->setBrush(fill);
        p->drawRoundedRect(r, 7, 7);
        p->setBrush(stripe);
        p->drawRoundedRect(QRectF(0, 0, 14, kCardHeight), 7, 7);
        p->fillRect(QRectF(7, 0, 8, kCardHeight), fill);
        p->fillRect(QRectF(6, 0, 1.5, kCardHeight), stripe);
        QPen border(c.dimmed ? kDownColor : (c.primary ? kPrimaryColor : kCardBorder),
                    c.primary || c.dimmed ? 1.6 : 1.0);
        if (c.dimmed)
            border.setStyle(Qt::DashLine);
        p->setPen(border);
        p->setBrush(Qt::NoBrush);
        p->drawRoundedRect(r, 7, 7);

        if (c.dimmed)
            p->setOpacity(0.62);
        // Row 1: role, RO/RW.
        double x = 16;
        const QRectF rolePill(x, 10, m_roleText.width + 14, 18);
        p->setPen(Qt::NoPen);
        p->setBrush(c.primary ? c.roleColor : c.rolePillFill);
        p->drawRoundedRect(rolePill, 9, 9);
        p->setFont(st.roleFont);
        p->setPen(c.primary ? QColor(Qt::white) : c.roleColor.darker(130));
        m_roleText.drawCentred(p, rolePill, st.roleMetrics);
        x += rolePill.width() + 6;
        const QRectF accessPill(x, 10, m_accessText.width + 12, 18);
        p->setPen(c.accessMismatch ? QPen(QColor(0xe0, 0xa0, 0x00), 1.2) : QPen(Qt::NoPen));
        p->setBrush(c.accessMismatch ? kMismatchFill : kPillFill);
        p->drawRoundedRect(accessPill, 9, 9);
        p->setPen(c.accessMismatch ? kMismatchText : kPillText);
        m_accessText.drawCentred(p, accessPill, st.roleMetrics);

        // Rows 2 and 3: name, address and version.
        p->setFont(st.nameFont);
        p->setPen(kNameColor);
        m_nameText.drawLeft(p, QRectF(16, 32, kCardWidth - 28, 22), st.nameMetrics);
        p->setFont(st.smallFont);
        p->setPen(kMutedColor);
        m_addressText.drawLeft(p, QRectF(16, 54, kCardWidth - 28, 16), st.smallMetrics);

        // Row 4: lag badge, state.
        if (!c.badge.isEmpty()) {
            const BadgeColours bc = badgeColours(c.level);
            const QRectF badge(16, 74, m_badgeText.width + 16, 19);
            p->setPen(QPen(bc.border, 1.2));
            p->setBrush(bc.fill);
            p->drawRoundedRect(badge, 9.5, 9.5);
            p->setFont(st.badgeFont);
            p->setPen(bc.text);
            m_badgeText.drawCentred(p, badge, st.badgeMetrics);
        }
        p->setFont(st.smallFont);
        p->setPen(c.stateColor);
        const double left = stateLeft(c.badge.isEmpty());
        m_stateText.drawLeft(p, QRectF(left, 74, kCardWidth - left - 10, 19), st.smallMetrics);
        p->setOpacity(1.0);

        // Problem marker: count, coloured by the worst severity.
        if (c.problems > 0 && c.worst) {
            const QRectF dot(kCardWidth - 30, 9, 22, 20);
            p->setPen(QPen(Qt::white, 1.5));
            p->setBrush(severityColor(*c.worst));
            p->drawRoundedRect(dot, 10, 10);
            p->setFont(st.roleFont);
            p->setPen(*c.worst == core::Severity::Warning ? QColor(0x3a, 0x2a, 0x00) : QColor(Qt::white));
            m_problemText.drawCentred(p, dot, st.roleMetrics);
        }
        if (m_highlight)
            paintHighlight(p, lod);
    }

private:
    double stateLeft(bool noBadge) const { return noBadge ? 16 : 16 + m_badgeText.width + 16 + 8; }

    // The routing preview's mark: a ring around the card and a tag on its top edge.
    void paintHighlight(QPainter *p, double lod) const
    {
        const QColor colour = m_highlightProblem ? kHighlightProblemColor : kHighlightColor;
        p->setPen(QPen(colour, std::max(4.0, 2.5 / lod)));
        p->setBrush(Qt::NoBrush);
        p->drawRoundedRect(cardRect().adjusted(-4, -4, 4, 4), 10, 10);
        if (lod < kDetailLod || m_tagText.isEmpty())
            return;
        const QRectF tag(kCardWidth - m_tag.width - 30, -16, m_tag.width + 16, 18);
        p->setPen(QPen(Qt::white, 1.5));
        p->setBrush(colour);
        p->drawRoundedRect(tag, 9, 9);
        p->setFont(m_style->roleFont);
        p->setPen(Qt::white);
        m_tag.drawCentred(p, tag, m_style->roleMetrics);
    }

    QString m_name;
    const Style *m_style;
    CardContent m_content;
    bool m_prepared = false;
    bool m_placed = false;
    bool m_highlight = false;
    bool m_highlightProblem = false;
    QString m_tagText;
    CachedText m_tag;
    CachedText m_nameText, m_roleText, m_accessText, m_addressText, m_badgeText, m_stateText, m_problemText;
};

class EdgeItem : public QGraphicsItem
{
public:
    EdgeItem(NodeItem *source, NodeItem *replica, QString channel, const Style *style)
        : m_source(source), m_replica(replica), m_channel(std::move(channel)), m_style(style)
    {
        setZValue(1);
    }
    NodeItem *source() const { return m_source; }
    NodeItem *replica() const { return m_replica; }
    const QString &channel() const { return m_channel; }

    struct Geometry
    {
        QPainterPath path;
        QPolygonF arrow;
        QPainterPath labelPath; // the segment the label sits on
        double labelT = 0.6;
        bool reversed = false;
        bool sameLayer = false;
        bool hideLabel = false; // into a leaf grid: the card's own badge says it
    };
    struct Look
    {
        core::EdgeState state = core::EdgeState::Unknown;
        QString label;
        bool operator==(const Look &) const = default;
    };

    const Geometry &geometry() const { return m_geometry; }
    const Look &look() const { return m_look; }
    void setGeometry(Geometry g)
    {
        prepareGeometryChange();
        m_geometry = std::move(g);
        recompute();
    }
    void setLook(Look look)
    {
        if (look == m_look)
            return;
        const bool labelChanged = look.label != m_look.label;
        m_look = std::move(look);
        if (labelChanged) {
            m_labelText.set(m_look.label, m_style->labelMetrics);
            // Bounds reserve room for a label; only a wider one changes them (and the index).
            const QRectF before = m_bounds;
            m_labelRect = labelRectAround(m_labelCentre);
            if (!m_labelRect.isNull() && !before.contains(m_labelRect)) {
                prepareGeometryChange();
                recompute();
            }
        }
        update();
    }
    void setLabelT(double t)
    {
        prepareGeometryChange();
        m_geometry.labelT = t;
        recompute();
    }
    QRectF labelRect() const { return m_labelRect; }
    QRectF labelRectAt(double t) const
    {
        if (m_geometry.hideLabel || m_geometry.labelPath.isEmpty())
            return {};
        return labelRectAround(m_geometry.labelPath.pointAtPercent(t));
    }

    QRectF boundingRect() const override { return m_bounds; }
    QPainterPath shape() const override
    {
        QPainterPathStroker stroker;
        stroker.setWidth(10);
        QPainterPath s = stroker.createStroke(m_geometry.path);
        s.addPolygon(m_geometry.arrow);
        if (!m_labelRect.isNull())
            s.addRect(m_labelRect);
        return s;
    }

    void paint(QPainter *p, const QStyleOptionGraphicsItem *option, QWidget *) override
    {
        const EdgeLook look = edgeLook(m_look.state);
        const bool emphasised = !m_style->exporting && (m_source->isSelected() || m_replica->isSelected());
        const double lod = option->levelOfDetailFromTransform(p->worldTransform());
        p->setRenderHint(QPainter::Antialiasing, true);
        // Cosmetic: as wide on screen at any zoom, and drawn by the raster engine's fast path.
        QPen pen(look.color, look.width + (emphasised ? 1.4 : 0.0), look.style, Qt::FlatCap, Qt::RoundJoin);
        pen.setCosmetic(true);
        p->setPen(pen);
        p->setBrush(Qt::NoBrush);
        p->drawPath(m_geometry.path);
        p->setPen(Qt::NoPen);
        p->setBrush(look.color);
        p->drawPolygon(m_geometry.arrow);
        if (lod < kDetailLod || m_look.label.isEmpty() || m_labelRect.isNull())
            return;
        p->setPen(QPen(look.color, emphasised ? 1.6 : 1.0));
        p->setBrush(Qt::white);
        p->drawRoundedRect(m_labelRect, m_labelRect.height() / 2, m_labelRect.height() / 2);
        p->setFont(m_style->labelFont);
        p->setPen(m_look.state == core::EdgeState::Running ? look.color.darker(150) : look.color.darker(130));
        m_labelText.drawCentred(p, m_labelRect, m_style->labelMetrics);
    }

private:
    QRectF labelRectAround(const QPointF &c) const
    {
        if (m_geometry.hideLabel || m_geometry.labelPath.isEmpty())
            return {};
        const double w = m_labelText.width + 12;
        const double h = m_style->labelMetrics.height() + 4;
        return QRectF(c.x() - w / 2, c.y() - h / 2, w, h);
    }
    void recompute()
    {
        m_labelCentre = m_geometry.labelPath.isEmpty()
                            ? QPointF()
                            : m_geometry.labelPath.pointAtPercent(m_geometry.labelT);
        m_labelRect = labelRectAround(m_labelCentre);
        QRectF b = m_geometry.path.boundingRect().united(m_geometry.arrow.boundingRect());
        if (!m_labelRect.isNull()) {
            const double room = std::max(m_labelRect.width(), 110.0);
            b = b.united(QRectF(m_labelCentre.x() - room / 2, m_labelRect.top(), room, m_labelRect.height()));
        }
        m_bounds = b.adjusted(-4, -4, 4, 4);
    }

    NodeItem *m_source;
    NodeItem *m_replica;
    QString m_channel;
    const Style *m_style;
    Geometry m_geometry;
    Look m_look;
    CachedText m_labelText;
    QPointF m_labelCentre;
    QRectF m_labelRect;
    QRectF m_bounds;
};

using EdgeKey = std::tuple<QString, QString, QString>; // source, replica, channel

QString nodeKey(const core::NodeStatus &n)
{
    return n.name.empty() ? QStringLiteral("%1:%2").arg(qs(n.host)).arg(n.port) : qs(n.name);
}

QString shortVersion(const core::NodeStatus &n)
{
    const QString v = qs(n.version);
    if (v.isEmpty())
        return {};
    const QString number = v.section(QLatin1Char('-'), 0, 0).section(QLatin1Char(' '), 0, 0);
    if (v.contains(QLatin1String("MariaDB"), Qt::CaseInsensitive) || n.flavor == core::Flavor::MariaDB)
        return QStringLiteral("MariaDB ") + number;
    if (n.flavor == core::Flavor::PostgreSQL)
        return QStringLiteral("PostgreSQL ") + number;
    if (n.flavor == core::Flavor::MySQL)
        return QStringLiteral("MySQL ") + number;
    return number;
}

QString reachabilityText(core::Reachability r)
{
    switch (r) {
    case core::Reachability::Reachable:
        return Tr::tr("reachable");
    case core::Reachability::Unreachable:
        return Tr::tr("unreachable");
    case core::Reachability::NoAnswer:
        return Tr::tr("no answer");
    case core::Reachability::Unknown:
        break;
    }
    return Tr::tr("connecting…");
}

QString lsnText(std::uint64_t lsn)
{
    return QStringLiteral("%1/%2").arg(lsn >> 32, 0, 16).arg(lsn & 0xffffffffu, 0, 16).toUpper();
}

bool isDown(const core::NodeStatus &n)
{
    return n.reachability == core::Reachability::Unreachable ||
           n.reachability == core::Reachability::NoAnswer;
}

struct ProblemTally
{
    int count = 0;
    std::optional<core::Severity> worst;
};

// Adds p -> q to `path` with vertical tangents at both ends (graphviz-like splines).
void addSegment(QPainterPath &path, const QPointF &p, const QPointF &q)
{
    if (std::abs(p.x() - q.x()) < 0.5) {
        path.lineTo(q);
        return;
    }
    const double dy = q.y() - p.y();
    path.cubicTo(QPointF(p.x(), p.y() + dy * 0.5), QPointF(q.x(), q.y() - dy * 0.5), q);
}

} // namespace

LagLevel lagLevel(std::optional<double> lagSeconds, double warnSeconds, double criticalSeconds)
{
    if (!lagSeconds)
        return LagLevel::Unknown;
    if (*lagSeconds >= criticalSeconds)
        return LagLevel::Critical;
    if (*lagSeconds >= warnSeconds)
        return LagLevel::Warning;
    return LagLevel::Ok;
}

QColor lagLevelColor(LagLevel level)
{
    return badgeColours(level).border;
}

QString formatLag(double seconds)
{
    if (seconds < 0)
        seconds = 0;
    if (seconds < 10 && seconds > 0 && seconds != std::floor(seconds))
        return Tr::tr("%1 s").arg(seconds, 0, 'f', 1);
    if (seconds < 60)
        return Tr::tr("%1 s").arg(std::floor(seconds), 0, 'f', 0);
    const auto total = static_cast<long long>(seconds);
    if (total < 3600)
        return Tr::tr("%1 min %2 s").arg(total / 60).arg(total % 60, 2, 10, QLatin1Char('0'));
    if (total < 86400)
        return Tr::tr("%1 h %2 min").arg(total / 3600).arg((total % 3600) / 60, 2, 10, QLatin1Char('0'));
    return Tr::tr("%1 d %2 h").arg(total / 86400).arg((total % 86400) / 3600);
}

QString lagBadgeText(std::optional<double> lagSeconds)
{
    return lagSeconds ? Tr::tr("lag %1").arg(formatLag(*lagSeconds)) : Tr::tr("lag ?");
}

struct TopologyView::Private
{
    explicit Private(const QFont &font) : style(font) {}

    QGraphicsScene scene;
    Style style;
    std::shared_ptr<const core::ClusterSnapshot> snapshot;
    std::map<QString, NodeItem *> nodes;
    std::map<EdgeKey, EdgeItem *> edges;
    QString shape;
    TopologyLayout layout;
    int layoutCount = 0;
    bool follow = true;
    bool panCandidate = false;
    QPoint pressPos;
    bool selecting = false;
    QString lastSelected;
    std::set<QString> highlighted;
    QString highlightTip;
    QString highlightTag;
    bool highlightProblem = false;

    void applyHighlight();

    CardContent cardFor(const core::NodeStatus &n, bool hasSource, bool coPrimary,
                        const ProblemTally &tally) const;
    EdgeItem::Look lookFor(const core::ReplicationEdge &e) const;
    void refreshContent();
    // Tooltips are written when asked for (hover, tests), not every polling round.
    QString nodeToolTip(const QString &name) const;
    QString edgeToolTip(const EdgeKey &key) const;
};

CardContent TopologyView::Private::cardFor(const core::NodeStatus &n, bool hasSource, bool coPrimary,
                                           const ProblemTally &tally) const
{
    CardContent c;
    const QString name = nodeKey(n);
    const QString endpoint = QStringLiteral("%1:%2").arg(qs(n.host)).arg(n.port);
    const bool pg = n.flavor == core::Flavor::PostgreSQL;
    c.name = name;
    c.primary = n.role == core::NodeRole::Primary;
    switch (n.role) {
    case core::NodeRole::Primary:
        c.role = Tr::tr("PRIMARY");
        c.roleColor = kPrimaryColor;
        c.rolePillFill = kPrimaryColor;
        break;
    case core::NodeRole::Replica:
        c.role = Tr::tr("REPLICA");
        c.roleColor = kReplicaColor;
        c.rolePillFill = QColor(0xdb, 0xee, 0xeb);
        break;
    case core::NodeRole::Unknown:
        c.role = Tr::tr("UNKNOWN");
        c.roleColor = kUnknownColor;
        c.rolePillFill = QColor(0xe8, 0xeb, 0xee);
        break;
    }
    if (coPrimary && n.role != core::NodeRole::Primary) {
        // Replicates from a node that replicates from it: one half of a co-primary pair
        // (MySQL reports both halves as replicas).
        c.role = Tr::tr("CO-PRIMARY");
        c.roleColor = kCoPrimaryColor;
        c.rolePillFill = QColor(0xdf, 0xe8, 0xf5);
    }
    if (!n.readOnly)
        c.access = Tr::tr("RO/RW ?");
    else
        c.access = *n.readOnly ? Tr::tr("RO") : Tr::tr("RW");
    c.accessMismatch = n.readOnly && !coPrimary &&
                       ((n.role == core::NodeRole::Replica && !*n.readOnly) ||
                        (n.role == core::NodeRole::Primary && *n.readOnly));
    QStringList addressParts;
    if (endpoint != name && !n.host.empty())
        addressParts << endpoint;
    if (const QString v = shortVersion(n); !v.isEmpty())
        addressParts << v;
    c.address = addressParts.join(QStringLiteral(" · "));

    c.dimmed = isDown(n);
    QString &state = c.state;
    c.stateColor = kMutedColor;
    if (c.dimmed) {
        state = n.reachability == core::Reachability::NoAnswer ? Tr::tr("NO ANSWER") : Tr::tr("UNREACHABLE");
        c.stateColor = kDownColor;
    } else if (n.reachability == core::Reachability::Unknown) {
        state = Tr::tr("connecting…");
    } else if (n.role == core::NodeRole::Replica || hasSource) {
        c.level = lagLevel(n.lagSeconds, style.warn, style.critical);
        c.badge = lagBadgeText(n.lagSeconds);
        const auto brokenChannels = std::count_if(n.channels.begin(), n.channels.end(), [](const auto &ch) {
            return ch.ioRunning == false || ch.sqlRunning == false;
        });
        if (n.channels.size() > 1 && brokenChannels > 0) {
            // Multi-source: the node-level threads describe one channel; say how many are down.
            state = Tr::tr("%1 of %2 channels stopped").arg(brokenChannels).arg(n.channels.size());
            c.stateColor = kDownColor;
        } else if (n.ioThreadRunning == false && n.sqlThreadRunning == false) {
            state = Tr::tr("replication stopped");
            c.stateColor = kDownColor;
        } else if (n.ioThreadRunning == false) {
            // Retrying to connect is not the same as stopped: the operator need not start it.
            const bool retrying = std::all_of(n.channels.begin(), n.channels.end(), [](const auto &ch) {
                return ch.ioRunning != false || ch.ioConnecting;
            });
            if (retrying)
                state = pg ? Tr::tr("WAL receiver connecting") : Tr::tr("IO thread connecting");
            else
                state = pg ? Tr::tr("WAL receiver stopped") : Tr::tr("IO thread stopped");
            c.stateColor = kDownColor;
        } else if (n.sqlThreadRunning == false) {
            state = pg ? Tr::tr("replay paused") : Tr::tr("SQL thread stopped");
            c.stateColor = kDownColor;
        } else if (!n.replicationError.empty()) {
            state = Tr::tr("replication error");
            c.stateColor = kDownColor;
        } else {
            state = Tr::tr("replicating");
        }
    } else {
        // A source: where its writes are, which replicas compare against.
        state = Tr::tr("online");
        if (pg && n.currentLsn)
            state = Tr::tr("online · LSN %1").arg(lsnText(*n.currentLsn));
        else if (!n.gtidExecuted.empty())
            state = Tr::tr("online · GTID %1").arg(qs(n.gtidExecuted));
    }
    c.problems = tally.count;
    c.worst = tally.worst;
    return c;
}

QString TopologyView::Private::nodeToolTip(const QString &name) const
{
    if (!snapshot)
        return {};
    const core::NodeStatus *found = nullptr;
    int downstream = 0;
    bool hasSource = false;
    const auto count = snapshot->nodes.size();
    for (const core::NodeStatus &n : snapshot->nodes)
        if (!found && nodeKey(n) == name)
            found = &n;
    if (!found)
        return {};
    const core::NodeStatus &n = *found;
    for (const core::ReplicationEdge &e : snapshot->edges) {
        if (e.source >= count || e.replica >= count || e.source == e.replica)
            continue;
        downstream += &snapshot->nodes[e.source] == found ? 1 : 0;
        hasSource = hasSource || &snapshot->nodes[e.replica] == found;
    }
    QStringList problems;
    for (const core::Problem &p : snapshot->problems)
        if (std::find(p.nodes.begin(), p.nodes.end(), n.name) != p.nodes.end())
            problems << QStringLiteral("• %1: %2").arg(severityText(p.severity), problemText(p)) +
                            (p.detail.empty() ? QString() : QStringLiteral(" — ") + qs(p.detail));
    const QString endpoint = QStringLiteral("%1:%2").arg(qs(n.host)).arg(n.port);
    const bool down = isDown(n);

    // What the card says in full, and why a node is down.
    QStringList tip;
    tip << name;
    if (endpoint != name)
        tip << endpoint;
    QString roleLine = n.role == core::NodeRole::Primary   ? Tr::tr("Primary")
                       : n.role == core::NodeRole::Replica ? Tr::tr("Replica")
                                                           : Tr::tr("Role unknown");
    if (n.readOnly)
        roleLine += QStringLiteral(" · ") + (*n.readOnly ? Tr::tr("read-only") : Tr::tr("writable"));
    tip << roleLine;
    if (!n.version.empty())
        tip << Tr::tr("Version: %1").arg(qs(n.version));
    tip << Tr::tr("State: %1").arg(reachabilityText(n.reachability));
    if (n.lastError && (down || n.reachability == core::Reachability::Unknown))
        tip << Tr::tr("Reason: %1").arg(describeError(*n.lastError));
    if (!down && (n.role == core::NodeRole::Replica || hasSource))
        tip << Tr::tr("Lag: %1").arg(n.lagSeconds ? formatLag(*n.lagSeconds) : Tr::tr("unknown"));
    if (!n.replicationSource.empty())
        tip << Tr::tr("Replicates from %1").arg(qs(n.replicationSource));
    if (downstream > 0)
        tip << Tr::tr("Feeds %n replica(s)", nullptr, downstream);
    if (!n.replicationError.empty())
        tip << Tr::tr("Replication error: %1").arg(qs(n.replicationError));
    if (n.checkedAtMs > 0)
        tip << Tr::tr("Last answer: %1")
                   .arg(QDateTime::fromMSecsSinceEpoch(n.checkedAtMs).toString(Qt::ISODate));
    if (!problems.isEmpty())
        tip << Tr::tr("Problems:") << problems;
    if (highlighted.count(name) && !highlightTip.isEmpty())
        tip << QString() << highlightTip;
    return tip.join(QLatin1Char('\n'));
}

EdgeItem::Look TopologyView::Private::lookFor(const core::ReplicationEdge &e) const
{
    EdgeItem::Look look;
    look.state = e.state;
    QString label;
    switch (e.state) {
    case core::EdgeState::Running:
    case core::EdgeState::Lagging:
        label = e.lagSeconds ? formatLag(*e.lagSeconds) : Tr::tr("lag ?");
        break;
    case core::EdgeState::Stopped:
        label = Tr::tr("stopped");
        break;
    case core::EdgeState::Error:
        label = Tr::tr("error");
        break;
    case core::EdgeState::Unknown:
        label = Tr::tr("?");
        break;
    }
    if (!e.channel.empty())
        label = Tr::tr("%1: %2").arg(qs(e.channel), label);
    look.label = label;
    return look;
}

QString TopologyView::Private::edgeToolTip(const EdgeKey &key) const
{
    if (!snapshot)
        return {};
    const auto count = snapshot->nodes.size();
    for (const core::ReplicationEdge &e : snapshot->edges) {
        if (e.source >= count || e.replica >= count || e.source == e.replica)
            continue;
        const core::NodeStatus &source = snapshot->nodes[e.source];
        const core::NodeStatus &replica = snapshot->nodes[e.replica];
        if (EdgeKey{nodeKey(source), nodeKey(replica), qs(e.channel)} != key)
            continue;
        QStringList tip;
        tip << Tr::tr("%1 → %2").arg(nodeKey(source), nodeKey(replica));
        if (!e.channel.empty())
            tip << Tr::tr("Channel: %1").arg(qs(e.channel));
        tip << Tr::tr("State: %1").arg(edgeStateText(e.state));
        tip << Tr::tr("Lag: %1").arg(e.lagSeconds ? formatLag(*e.lagSeconds) : Tr::tr("unknown"));
        for (const core::ReplicationChannel &ch : replica.channels) {
            if (ch.name != e.channel)
                continue;
            if (!ch.ioError.empty())
                tip << Tr::tr("Receiver error: %1").arg(qs(ch.ioError));
            if (!ch.sqlError.empty())
                tip << Tr::tr("Applier error: %1").arg(qs(ch.sqlError));
        }
        return tip.join(QLatin1Char('\n'));
    }
    return {};
}

void TopologyView::Private::applyHighlight()
{
    for (auto &[name, item] : nodes)
        item->setHighlight(highlighted.count(name) > 0, highlightTag, highlightProblem);
}

void TopologyView::Private::refreshContent()
{
    if (!snapshot)
        return;
    std::map<QString, ProblemTally> tallies;
    for (const core::Problem &p : snapshot->problems) {
        for (const std::string &n : p.nodes) {
            ProblemTally &t = tallies[qs(n)];
            ++t.count;
            if (!t.worst || static_cast<int>(p.severity) > static_cast<int>(*t.worst))
                t.worst = p.severity;
        }
    }
    std::set<QString> hasSource, coPrimaries;
    std::set<std::pair<std::size_t, std::size_t>> links;
    const auto count = snapshot->nodes.size();
    for (const core::ReplicationEdge &e : snapshot->edges) {
        if (e.source >= count || e.replica >= count || e.source == e.replica)
            continue;
        hasSource.insert(nodeKey(snapshot->nodes[e.replica]));
        links.insert({e.source, e.replica});
    }
    for (const auto &[a, b] : links) {
        if (links.count({b, a})) {
            coPrimaries.insert(nodeKey(snapshot->nodes[a]));
            coPrimaries.insert(nodeKey(snapshot->nodes[b]));
        }
    }
    std::set<QString> done;
    static const ProblemTally noProblems;
    for (const core::NodeStatus &n : snapshot->nodes) {
        const QString key = nodeKey(n);
        if (!done.insert(key).second)
            continue;
        auto it = nodes.find(key);
        if (it == nodes.end())
            continue;
        auto tally = tallies.find(key);
        it->second->setContent(cardFor(n, hasSource.count(key) > 0, coPrimaries.count(key) > 0,
                                       tally == tallies.end() ? noProblems : tally->second));
    }
    std::set<EdgeKey> seen;
    for (const core::ReplicationEdge &e : snapshot->edges) {
        if (e.source >= count || e.replica >= count || e.source == e.replica)
            continue;
        const core::NodeStatus &s = snapshot->nodes[e.source];
        const core::NodeStatus &r = snapshot->nodes[e.replica];
        EdgeKey key{nodeKey(s), nodeKey(r), qs(e.channel)};
        if (!seen.insert(key).second)
            continue;
        auto it = edges.find(key);
        if (it != edges.end())
            it->second->setLook(lookFor(e));
    }
}

TopologyView::TopologyView(QWidget *parent) : QGraphicsView(parent), d(std::make_unique<Private>(font()))
{
    setScene(&d->scene);
    d->scene.setBackgroundBrush(kSceneBackground);
    d->scene.setItemIndexMethod(QGraphicsScene::BspTreeIndex);
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    setViewportUpdateMode(QGraphicsView::MinimalViewportUpdate);
    setFocusPolicy(Qt::StrongFocus);
    setAlignment(Qt::AlignCenter);
    setFrameShape(QFrame::NoFrame);
    setObjectName(QStringLiteral("topologyView"));
    setAccessibleName(tr("Replication topology"));
    connect(&d->scene, &QGraphicsScene::selectionChanged, this, &TopologyView::onSelectionChanged);
    for (QScrollBar *bar : {horizontalScrollBar(), verticalScrollBar()})
        connect(bar, &QAbstractSlider::actionTriggered, this, [this] { d->follow = false; });
}

TopologyView::~TopologyView()
{
    // Edges point at nodes: remove them first, and without selection signals to a half-dead view.
    disconnect(&d->scene, nullptr, this, nullptr);
    for (auto &[key, item] : d->edges)
        delete item;
    d->edges.clear();
    for (auto &[key, item] : d->nodes)
        delete item;
    d->nodes.clear();
}

void TopologyView::setSnapshot(std::shared_ptr<const core::ClusterSnapshot> snapshot)
{
    const auto previous = d->snapshot; // keeps the old values alive until the items are updated
    d->snapshot = std::move(snapshot);
    const core::ClusterSnapshot *s = d->snapshot.get();

    // The node and edge sets of this round.
    std::map<QString, std::size_t> nodeIndex;
    std::map<EdgeKey, std::size_t> edgeIndex;
    if (s) {
        for (std::size_t i = 0; i < s->nodes.size(); ++i)
            nodeIndex.emplace(nodeKey(s->nodes[i]), i);
        for (std::size_t i = 0; i < s->edges.size(); ++i) {
            const core::ReplicationEdge &e = s->edges[i];
            if (e.source >= s->nodes.size() || e.replica >= s->nodes.size() || e.source == e.replica)
                continue;
            edgeIndex.emplace(
                EdgeKey{nodeKey(s->nodes[e.source]), nodeKey(s->nodes[e.replica]), qs(e.channel)}, i);
        }
    }

    // Remove what is gone (edges first: they point at nodes), create what is new.
    d->selecting = true;
    for (auto it = d->edges.begin(); it != d->edges.end();) {
        if (!edgeIndex.count(it->first)) {
            delete it->second;
            it = d->edges.erase(it);
        } else {
            ++it;
        }
    }
    for (auto it = d->nodes.begin(); it != d->nodes.end();) {
        if (!nodeIndex.count(it->first)) {
            delete it->second;
            it = d->nodes.erase(it);
        } else {
            ++it;
        }
    }
    for (const auto &[name, index] : nodeIndex) {
        (void)index;
        if (!d->nodes.count(name)) {
            auto *item = new NodeItem(name, &d->style);
            d->scene.addItem(item);
            d->nodes.emplace(name, item);
        }
    }
    for (const auto &[key, index] : edgeIndex) {
        (void)index;
        if (!d->edges.count(key)) {
            auto *item = new EdgeItem(d->nodes.at(std::get<0>(key)), d->nodes.at(std::get<1>(key)),
                                      std::get<2>(key), &d->style);
            d->scene.addItem(item);
            d->edges.emplace(key, item);
        }
    }
    d->selecting = false;

    d->refreshContent();
    d->applyHighlight();

    // Lay out again only when the shape changed: same nodes and edges, same picture.
    QString shape;
    for (const auto &[name, item] : d->nodes) {
        (void)item;
        shape += name + QLatin1Char('\n');
    }
    shape += QLatin1Char('\x1e');
    for (const auto &[key, item] : d->edges) {
        (void)item;
        shape += std::get<0>(key) + QLatin1Char('\x1f') + std::get<1>(key) + QLatin1Char('\x1f') +
                 std::get<2>(key) + QLatin1Char('\n');
    }
    if (shape != d->shape) {
        d->shape = shape;
        relayout();
    }
    onSelectionChanged();
}

const core::ClusterSnapshot *TopologyView::snapshot() const
{
    return d->snapshot.get();
}

void TopologyView::setLagThresholds(double warnSeconds, double criticalSeconds)
{
    d->style.warn = warnSeconds;
    d->style.critical = criticalSeconds;
    d->refreshContent();
}

void TopologyView::relayout()
{
    // Anchor: the selected node, else the one nearest the centre of the view, stays where the
    // user sees it (unless the picture follows the window anyway).
    NodeItem *anchor = nullptr;
    QPoint anchorViewPos;
    if (!d->follow) {
        const QPointF centre = mapToScene(viewport()->rect().center());
        double best = std::numeric_limits<double>::max();
        for (const auto &[name, item] : d->nodes) {
            if (!item->placed())
                continue;
            if (item->isSelected()) {
                anchor = item;
                break;
            }
            const QPointF c = item->mapToScene(item->cardRect().center());
            const double dist = std::hypot(c.x() - centre.x(), c.y() - centre.y());
            if (dist < best) {
                best = dist;
                anchor = item;
            }
        }
        if (anchor)
            anchorViewPos = mapFromScene(anchor->pos());
    }

    // Layout input in a fixed order (by name), previous positions as hints.
    std::vector<LayoutNode> nodes;
    std::vector<NodeItem *> nodeItems;
    std::map<NodeItem *, std::size_t> indexOf;
    std::unordered_map<std::string, double> hints;
    const auto *s = d->snapshot.get();
    std::map<QString, const core::NodeStatus *> statusOf;
    if (s)
        for (const core::NodeStatus &n : s->nodes)
            statusOf.emplace(nodeKey(n), &n);
    for (const auto &[name, item] : d->nodes) {
        LayoutNode ln;
        ln.key = name.toStdString();
        ln.width = kCardWidth;
        ln.height = kCardHeight;
        auto st = statusOf.find(name);
        if (st != statusOf.end())
            // Writable nodes go on top when a ring has to be broken somewhere.
            ln.preferredSource = st->second->role == core::NodeRole::Primary || st->second->readOnly == false;
        indexOf[item] = nodes.size();
        nodes.push_back(std::move(ln));
        nodeItems.push_back(item);
        if (item->placed())
            hints[nodes.back().key] = item->pos().x() + kCardWidth / 2;
    }
    std::vector<LayoutEdge> edges;
    std::vector<EdgeItem *> edgeItems;
    for (const auto &[key, item] : d->edges) {
        edges.push_back({indexOf.at(item->source()), indexOf.at(item->replica())});
        edgeItems.push_back(item);
    }
    d->layout = layoutTopology(nodes, edges, {}, hints.empty() ? nullptr : &hints);
    ++d->layoutCount;

    for (std::size_t i = 0; i < nodeItems.size(); ++i) {
        nodeItems[i]->setPos(d->layout.nodes[i].x, d->layout.nodes[i].y);
        nodeItems[i]->setPlaced();
    }

    // Ports: edges leaving or entering the same side of a card are spread along it, in the
    // order of where they go, so multi-source and fan-out edges do not sit on top of each other.
    struct Port
    {
        EdgeItem *edge;
        bool sourceEnd;
        double toward;
    };
    std::map<std::pair<NodeItem *, bool>, std::vector<Port>> sides; // (node, bottom side?)
    auto centreX = [](NodeItem *n) { return n->pos().x() + kCardWidth / 2; };
    for (std::size_t i = 0; i < edgeItems.size(); ++i) {
        const EdgeRoute &route = d->layout.edges[i];
        if (!route.valid || route.sameLayer)
            continue;
        EdgeItem *e = edgeItems[i];
        const double towardFromSource = route.via.empty() ? centreX(e->replica()) : route.via.front().x;
        const double towardFromReplica = route.via.empty() ? centreX(e->source()) : route.via.back().x;
        sides[{e->source(), !route.reversed}].push_back({e, true, towardFromSource});
        if (!route.entersFromLeft)
            sides[{e->replica(), route.reversed}].push_back({e, false, towardFromReplica});
    }
    std::map<std::pair<EdgeItem *, bool>, QPointF> portOf;
    for (auto &[side, ports] : sides) {
        std::stable_sort(ports.begin(), ports.end(),
                         [](const Port &a, const Port &b) { return a.toward < b.toward; });
        NodeItem *n = side.first;
        const double y = side.second ? n->pos().y() + kCardHeight : n->pos().y();
        const double k = static_cast<double>(ports.size());
        const double spacing = k > 1 ? std::min(22.0, kCardWidth * 0.7 / (k - 1)) : 0.0;
        for (std::size_t i = 0; i < ports.size(); ++i)
            portOf[{ports[i].edge, ports[i].sourceEnd}] =
                QPointF(centreX(n) + (static_cast<double>(i) - (k - 1) / 2) * spacing, y);
    }

    std::vector<QRectF> cards;
    for (NodeItem *n : nodeItems)
        cards.push_back(n->mapRectToScene(n->cardRect()));
    for (std::size_t i = 0; i < edgeItems.size(); ++i) {
        EdgeItem *e = edgeItems[i];
        const EdgeRoute &route = d->layout.edges[i];
        EdgeItem::Geometry g;
        g.reversed = route.reversed;
        g.sameLayer = route.sameLayer;
        const QRectF sr = e->source()->mapRectToScene(e->source()->cardRect());
        const QRectF rr = e->replica()->mapRectToScene(e->replica()->cardRect());
        if (route.sameLayer) {
            // Co-primaries side by side: one straight arrow each way, above and below the middle.
            const bool rightwards = sr.center().x() < rr.center().x();
            const double offset = e->source()->name() < e->replica()->name() ? -14.0 : 14.0;
            const double y = sr.center().y() + offset;
            QPointF start(rightwards ? sr.right() : sr.left(), y);
            QPointF end(rightwards ? rr.left() : rr.right(), y);
            const QRectF between = QRectF(start, end).normalized().adjusted(1, -1, -1, 1);
            const bool blocked = std::any_of(cards.begin(), cards.end(),
                                             [&](const QRectF &c) { return c.intersects(between); });
            const double dir = rightwards ? 1 : -1;
            if (blocked) {
                // Not neighbours: arc over the cards in between.
                start = QPointF(sr.center().x() + dir * 20, sr.top());
                end = QPointF(rr.center().x() - dir * 20, rr.top());
                const double lift = offset < 0 ? 70 : 46;
                const QPointF tip = end;
                const QPointF base(end.x(), end.y() - kArrowLength);
                g.path.moveTo(start);
                g.path.cubicTo(QPointF(start.x(), start.y() - lift), QPointF(base.x(), base.y() - lift),
                               base);
                g.arrow << tip << QPointF(tip.x() - kArrowHalfWidth, base.y())
                        << QPointF(tip.x() + kArrowHalfWidth, base.y());
                g.labelPath = g.path;
                g.labelT = 0.5;
            } else {
                const QPointF base(end.x() - dir * kArrowLength, y);
                g.path.moveTo(start);
                g.path.lineTo(base);
                g.arrow << end << QPointF(base.x(), y - kArrowHalfWidth)
                        << QPointF(base.x(), y + kArrowHalfWidth);
                g.labelPath = g.path;
                g.labelT = 0.5;
            }
            e->setGeometry(std::move(g));
            continue;
        }
        if (!route.valid)
            continue;
        const QPointF start = portOf.at({e, true});
        const double dir = route.reversed ? -1 : 1; // +1: downward
        std::vector<QPointF> pts{start};
        // A card shorter than its layer band: leave the band straight down first.
        const double sourceBand = d->layout.nodes[indexOf.at(e->source())].bandBottom;
        if (!route.reversed && sourceBand > sr.bottom() + 1)
            pts.emplace_back(start.x(), sourceBand);
        if (route.entersFromLeft) {
            // Leaf grid: down the lane beside the column, round the corner, into the card's left side.
            for (std::size_t k = 0; k + 1 < route.via.size(); ++k)
                pts.emplace_back(route.via[k].x, route.via[k].y);
            const QPointF corner(route.via.back().x, route.via.back().y);
            const QPointF tip(rr.left(), corner.y());
            const QPointF base(tip.x() - 7, tip.y());
            g.path.moveTo(pts.front());
            for (std::size_t k = 0; k + 1 < pts.size(); ++k)
                addSegment(g.path, pts[k], pts[k + 1]);
            g.path.lineTo(corner.x(), corner.y() - 4);
            g.path.quadTo(corner, QPointF(corner.x() + 4, corner.y()));
            g.path.lineTo(base);
            g.arrow << tip << QPointF(base.x(), tip.y() - 4) << QPointF(base.x(), tip.y() + 4);
            g.hideLabel = true;
            e->setGeometry(std::move(g));
            continue;
        }
        const QPointF tip = portOf.at({e, false});
        const QPointF base(tip.x(), tip.y() - dir * kArrowLength);
        for (const LayoutPoint &v : route.via)
            pts.emplace_back(v.x, v.y);
        const double replicaBand = d->layout.nodes[indexOf.at(e->replica())].bandBottom;
        if (route.reversed && replicaBand > rr.bottom() + 1)
            pts.emplace_back(tip.x(), replicaBand);
        pts.push_back(base);
        g.path.moveTo(pts.front());
        for (std::size_t k = 0; k + 1 < pts.size(); ++k)
            addSegment(g.path, pts[k], pts[k + 1]);
        g.arrow << tip << QPointF(tip.x() - kArrowHalfWidth, base.y())
                << QPointF(tip.x() + kArrowHalfWidth, base.y());
        // The label sits on the last stretch, nearer the replica whose lag it is.
        const QPointF from = pts[pts.size() - 2];
        g.labelPath.moveTo(from);
        addSegment(g.labelPath, from, base);
        g.labelT = 0.6;
        e->setGeometry(std::move(g));
    }

    // Labels must not cover each other or a card: slide a clashing one along its segment.
    std::vector<QRectF> taken = cards;
    std::vector<EdgeItem *> byPosition = edgeItems;
    std::sort(byPosition.begin(), byPosition.end(), [](EdgeItem *a, EdgeItem *b) {
        const QRectF ra = a->labelRect(), rb = b->labelRect();
        return std::make_tuple(ra.center().y(), ra.center().x()) <
               std::make_tuple(rb.center().y(), rb.center().x());
    });
    for (EdgeItem *e : byPosition) {
        if (e->geometry().path.isEmpty() || e->labelRect().isNull())
            continue;
        const double preferred = e->geometry().labelT;
        double chosen = preferred;
        for (double t : {preferred, 0.45, 0.75, 0.3, 0.85, 0.2}) {
            const QRectF r = e->labelRectAt(t).adjusted(-2, -2, 2, 2);
            if (std::none_of(taken.begin(), taken.end(), [&](const QRectF &o) { return o.intersects(r); })) {
                chosen = t;
                break;
            }
        }
        if (chosen != e->geometry().labelT)
            e->setLabelT(chosen);
        taken.push_back(e->labelRect());
    }

    QRectF bounds(0, 0, d->layout.width, d->layout.height);
    for (EdgeItem *e : edgeItems)
        bounds = bounds.united(e->boundingRect());
    setSceneRect(bounds.adjusted(-kSceneMargin, -kSceneMargin, kSceneMargin, kSceneMargin));

    if (d->follow) {
        fitToWindow();
    } else if (anchor) {
        // Scroll so the anchor is back where it was; where the scroll range is too short for
        // that, the scene grows a little on that side rather than make the picture jump.
        for (int attempt = 0; attempt < 3; ++attempt) {
            QPoint now = mapFromScene(anchor->pos());
            horizontalScrollBar()->setValue(horizontalScrollBar()->value() + now.x() - anchorViewPos.x());
            verticalScrollBar()->setValue(verticalScrollBar()->value() + now.y() - anchorViewPos.y());
            now = mapFromScene(anchor->pos());
            const QPoint miss = now - anchorViewPos;
            if (miss.manhattanLength() == 0)
                break;
            QRectF rect = sceneRect();
            const double z = zoom();
            if (miss.x() > 0)
                rect.setRight(rect.right() + miss.x() / z + 1);
            else if (miss.x() < 0)
                rect.setLeft(rect.left() + miss.x() / z - 1);
            if (miss.y() > 0)
                rect.setBottom(rect.bottom() + miss.y() / z + 1);
            else if (miss.y() < 0)
                rect.setTop(rect.top() + miss.y() / z - 1);
            setSceneRect(rect);
        }
    }
}

QStringList TopologyView::nodeNames() const
{
    QStringList names;
    for (const auto &[name, item] : d->nodes) {
        (void)item;
        names << name;
    }
    return names;
}

int TopologyView::edgeCount() const
{
    return static_cast<int>(d->edges.size());
}

std::optional<NodeCardInfo> TopologyView::nodeInfo(const QString &name) const
{
    auto it = d->nodes.find(name);
    if (it == d->nodes.end())
        return std::nullopt;
    const NodeItem *item = it->second;
    const CardContent &c = item->content();
    NodeCardInfo info;
    info.name = name;
    info.roleText = c.role;
    info.addressText = c.address;
    info.accessText = c.access;
    info.badgeText = c.badge;
    info.lagLevel = c.level;
    info.badgeColor = lagLevelColor(c.level);
    info.stateText = c.state;
    info.dimmed = c.dimmed;
    info.problemCount = c.problems;
    info.worstProblem = c.worst;
    info.sceneRect = item->mapRectToScene(item->cardRect());
    info.toolTip = d->nodeToolTip(name);
    info.selected = item->isSelected();
    info.highlighted = item->highlighted();
    info.highlightTag = item->highlightTag();
    return info;
}

std::vector<EdgeVisualInfo> TopologyView::edgeInfos() const
{
    std::vector<EdgeVisualInfo> out;
    for (const auto &[key, item] : d->edges) {
        EdgeVisualInfo info;
        info.source = std::get<0>(key);
        info.replica = std::get<1>(key);
        info.channel = std::get<2>(key);
        info.state = item->look().state;
        info.label = item->look().label;
        const EdgeLook look = edgeLook(item->look().state);
        info.penStyle = look.style;
        info.color = look.color;
        info.reversed = item->geometry().reversed;
        info.sameLayer = item->geometry().sameLayer;
        info.path = item->geometry().path;
        info.toolTip = d->edgeToolTip(key);
        out.push_back(std::move(info));
    }
    return out;
}

std::optional<EdgeVisualInfo> TopologyView::edgeInfo(const QString &source, const QString &replica,
                                                     const QString &channel) const
{
    for (EdgeVisualInfo &info : edgeInfos())
        if (info.source == source && info.replica == replica && info.channel == channel)
            return std::move(info);
    return std::nullopt;
}

int TopologyView::layoutCount() const
{
    return d->layoutCount;
}

const TopologyLayout &TopologyView::currentLayout() const
{
    return d->layout;
}

void TopologyView::setHighlightedNodes(const QStringList &names, const QString &reasonTooltip,
                                       const QString &tag, bool problem)
{
    d->highlighted = std::set<QString>(names.begin(), names.end());
    d->highlightTip = reasonTooltip;
    d->highlightTag = names.isEmpty() ? QString() : (tag.isEmpty() ? tr("ROUTED HERE") : tag);
    d->highlightProblem = problem;
    d->applyHighlight();
}

QStringList TopologyView::highlightedNodes() const
{
    return QStringList(d->highlighted.begin(), d->highlighted.end());
}

QString TopologyView::selectedNode() const
{
    for (QGraphicsItem *item : d->scene.selectedItems())
        if (auto *node = dynamic_cast<NodeItem *>(item))
            return node->name();
    return {};
}

double TopologyView::zoom() const
{
    return transform().m11();
}

bool TopologyView::followsWindow() const
{
    return d->follow;
}

QImage TopologyView::renderImage(double scale) const
{
    const QRectF source = sceneRect();
    if (d->nodes.empty() || source.isEmpty())
        return {};
    constexpr double kMaxSide = 16000;
    scale = std::min(scale, kMaxSide / std::max(source.width(), source.height()));
    const QSize size(static_cast<int>(std::ceil(source.width() * scale)),
                     static_cast<int>(std::ceil(source.height() * scale)));
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(kSceneBackground);
    QPainter painter(&image);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing |
                           QPainter::SmoothPixmapTransform);
    d->style.exporting = true;
    d->scene.render(&painter, QRectF(QPointF(0, 0), QSizeF(size)), source, Qt::KeepAspectRatio);
    d->style.exporting = false;
    painter.end();
    return image;
}

bool TopologyView::exportPng(const QString &file) const
{
    const QImage image = renderImage(1.0);
    return !image.isNull() && image.save(file, "PNG");
}

bool TopologyView::exportSvg(const QString &file) const
{
    const QRectF source = sceneRect();
    if (d->nodes.empty() || source.isEmpty())
        return false;
    QSvgGenerator generator;
    generator.setFileName(file);
    generator.setSize(source.size().toSize());
    generator.setViewBox(QRectF(QPointF(0, 0), source.size()));
    generator.setResolution(96); // CSS pixels: browsers show it at the size of the PNG
    generator.setTitle(tr("Replication topology"));
    if (d->snapshot)
        generator.setDescription(
            tr("Switchyard, polling round %1, %2")
                .arg(d->snapshot->generation)
                .arg(QDateTime::fromMSecsSinceEpoch(d->snapshot->takenAtMs).toString(Qt::ISODate)));
    QPainter painter;
    if (!painter.begin(&generator))
        return false;
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    d->style.exporting = true;
    d->scene.render(&painter, QRectF(QPointF(0, 0), source.size()), source, Qt::KeepAspectRatio);
    d->style.exporting = false;
    painter.end();
    const QFileInfo written(file);
    return written.exists() && written.size() > 0;
}

void TopologyView::selectNode(const QString &name)
{
    d->selecting = true;
    d->scene.clearSelection();
    auto it = d->nodes.find(name);
    if (it != d->nodes.end()) {
        it->second->setSelected(true);
        const QRectF card = it->second->mapRectToScene(it->second->cardRect());
        if (!mapToScene(viewport()->rect()).boundingRect().contains(card))
            centerOn(card.center());
    }
    d->selecting = false;
    onSelectionChanged();
}

void TopologyView::onSelectionChanged()
{
    if (d->selecting)
        return;
    const QString name = selectedNode();
    if (name == d->lastSelected)
        return;
    // Edges of the selected node are drawn thicker.
    for (const auto &[key, item] : d->edges) {
        if (std::get<0>(key) == name || std::get<1>(key) == name || std::get<0>(key) == d->lastSelected ||
            std::get<1>(key) == d->lastSelected)
            item->update();
    }
    d->lastSelected = name;
    emit nodeSelected(name);
}

void TopologyView::applyZoom(double factor, bool underMouse)
{
    factor = std::clamp(factor, kMinZoom, kMaxZoom);
    d->follow = false;
    if (std::abs(factor - zoom()) < 1e-9)
        return;
    setTransformationAnchor(underMouse ? QGraphicsView::AnchorUnderMouse : QGraphicsView::AnchorViewCenter);
    setTransform(QTransform::fromScale(factor, factor));
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    emit zoomChanged(factor);
}

void TopologyView::zoomIn()
{
    applyZoom(zoom() * kZoomStep, false);
}

void TopologyView::zoomOut()
{
    applyZoom(zoom() / kZoomStep, false);
}

void TopologyView::resetZoom()
{
    applyZoom(1.0, false);
}

void TopologyView::setZoom(double factor)
{
    applyZoom(factor, false);
}

void TopologyView::fitToWindow()
{
    d->follow = true;
    const QRectF r = sceneRect();
    if (r.isEmpty())
        return;
    const double before = zoom();
    const QSizeF available = QSizeF(viewport()->size()) - QSizeF(4, 4);
    double factor = std::min(available.width() / r.width(), available.height() / r.height());
    // Never blow a small cluster up beyond its natural size.
    factor = std::clamp(factor, kMinZoom, 1.0);
    setTransformationAnchor(QGraphicsView::AnchorViewCenter);
    setTransform(QTransform::fromScale(factor, factor));
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    centerOn(r.center());
    if (std::abs(before - factor) > 1e-9)
        emit zoomChanged(factor);
}

bool TopologyView::viewportEvent(QEvent *event)
{
    if (event->type() != QEvent::ToolTip)
        return QGraphicsView::viewportEvent(event);
    auto *help = static_cast<QHelpEvent *>(event);
    QString text;
    for (QGraphicsItem *item : items(help->pos())) {
        if (auto *node = dynamic_cast<NodeItem *>(item)) {
            text = d->nodeToolTip(node->name());
            break;
        }
        if (auto *edge = dynamic_cast<EdgeItem *>(item)) {
            text = d->edgeToolTip(EdgeKey{edge->source()->name(), edge->replica()->name(), edge->channel()});
            break;
        }
    }
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(help->globalPos(), text, viewport());
    return true;
}

void TopologyView::wheelEvent(QWheelEvent *event)
{
    const int delta = event->angleDelta().y();
    if (delta == 0 || event->modifiers() & Qt::ShiftModifier) {
        d->follow = false;
        QGraphicsView::wheelEvent(event);
        return;
    }
    applyZoom(zoom() * std::pow(1.0015, delta), true);
    event->accept();
}

void TopologyView::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        return;
    case Qt::Key_Minus:
        zoomOut();
        return;
    case Qt::Key_0:
        resetZoom();
        return;
    case Qt::Key_F:
    case Qt::Key_Asterisk:
        fitToWindow();
        return;
    case Qt::Key_Escape:
        selectNode(QString());
        return;
    case Qt::Key_Left:
    case Qt::Key_Right:
    case Qt::Key_Up:
    case Qt::Key_Down:
    case Qt::Key_PageUp:
    case Qt::Key_PageDown:
    case Qt::Key_Home:
    case Qt::Key_End:
        d->follow = false;
        break;
    default:
        break;
    }
    QGraphicsView::keyPressEvent(event);
}

void TopologyView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    if (d->follow)
        fitToWindow();
}

void TopologyView::mousePressEvent(QMouseEvent *event)
{
    d->pressPos = event->position().toPoint();
    d->panCandidate = event->button() == Qt::LeftButton && !itemAt(d->pressPos);
    QGraphicsView::mousePressEvent(event);
}

void TopologyView::mouseMoveEvent(QMouseEvent *event)
{
    if (d->panCandidate && (event->position().toPoint() - d->pressPos).manhattanLength() > 3)
        d->follow = false;
    QGraphicsView::mouseMoveEvent(event);
}

void TopologyView::mouseReleaseEvent(QMouseEvent *event)
{
    d->panCandidate = false;
    QGraphicsView::mouseReleaseEvent(event);
}

void TopologyView::mouseDoubleClickEvent(QMouseEvent *event)
{
    for (QGraphicsItem *item : items(event->position().toPoint()))
        if (auto *node = dynamic_cast<NodeItem *>(item)) {
            emit nodeActivated(node->name());
            break;
        }
    QGraphicsView::mouseDoubleClickEvent(event);
}

} // namespace switchyard::ui
