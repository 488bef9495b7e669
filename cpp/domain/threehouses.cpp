#include "domain/threehouses.h"

namespace doorstep
{

QString House::purposeOf(Kind kind)
{
    switch (kind) {
    case Kind::Worries:
        return QStringLiteral("house_of_worries");
    case Kind::GoodThings:
        return QStringLiteral("house_of_good_things");
    case Kind::Dreams:
        return QStringLiteral("house_of_dreams");
    }
    return {};
}

const House *ThreeHouses::house(House::Kind kind) const
{
    for (const House &one : houses) {
        if (one.kind == kind)
            return &one;
    }
    return nullptr;
}

} // namespace doorstep
