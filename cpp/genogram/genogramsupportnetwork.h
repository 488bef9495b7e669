#pragma once

#include "genogram/genogram.h"

#include <QSet>
#include <QString>

namespace doorstep
{

/// Who the family can turn to, as the genogram shows it: the people and lines a view shows in
/// full colour when it highlights the support network.
///
/// The family at its centre is the index person and everyone who shares a household with them
/// (without an index person: the members of every household). The network is that family's
/// living members, and every living person outside it who
/// - has a support or close line with one of them (either direction), or
/// - is a parent, child or current partner (married or cohabiting) of one of them,
/// unless that person has an abuse, conflict or cut-off line with anyone in the family: such a
/// line says they are not someone to rely on, whatever else links them. People who have died
/// are never in it. Only shown lines count (not dangling or refused ones).
///
/// Its lines are the shown support, close, parent, twin and current partner lines between two
/// people of the network.
class GenogramSupportNetwork
{
public:
    static QSet<QString> people(const Genogram &genogram);
    static QSet<QString> relations(const Genogram &genogram);
};

} // namespace doorstep
