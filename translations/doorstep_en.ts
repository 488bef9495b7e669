<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>CaseText</name>
    <message numerus="yes">
        <source>%n-month maintenance review</source>
        <translation>
            <numerusform>%n-month maintenance review</numerusform>
            <numerusform>%n-month maintenance review</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n-month maintenance review due from %1 to %2</source>
        <translation>
            <numerusform>%n-month maintenance review due from %1 to %2</numerusform>
            <numerusform>%n-month maintenance review due from %1 to %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n-month maintenance review due by %1</source>
        <translation>
            <numerusform>%n-month maintenance review due by %1</numerusform>
            <numerusform>%n-month maintenance review due by %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n-month maintenance review overdue since %1</source>
        <translation>
            <numerusform>%n-month maintenance review overdue since %1</numerusform>
            <numerusform>%n-month maintenance review overdue since %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n-month maintenance review held on %1</source>
        <translation>
            <numerusform>%n-month maintenance review held on %1</numerusform>
            <numerusform>%n-month maintenance review held on %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n months old</source>
        <translation>
            <numerusform>%n month old</numerusform>
            <numerusform>%n months old</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n years old</source>
        <translation>
            <numerusform>%n year old</numerusform>
            <numerusform>%n years old</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CaseloadDelegate</name>
    <message numerus="yes">
        <source>%n children</source>
        <translation>
            <numerusform>%n child</numerusform>
            <numerusform>%n children</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CaseloadPage</name>
    <message numerus="yes">
        <source>%n families, most urgent first</source>
        <translation>
            <numerusform>%n family</numerusform>
            <numerusform>%n families, most urgent first</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DriftAndDelay</name>
    <message numerus="yes">
        <source>First contact made on %1, %n working days after the limit (due %2).</source>
        <translation>
            <numerusform>First contact made on %1, %n working day after the limit (due %2).</numerusform>
            <numerusform>First contact made on %1, %n working days after the limit (due %2).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>First contact late: %n working days past the %1-working-day limit (due %2).</source>
        <translation>
            <numerusform>First contact late: %n working day past the %1-working-day limit (due %2).</numerusform>
            <numerusform>First contact late: %n working days past the %1-working-day limit (due %2).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>First contact due in %n working days (by %1).</source>
        <translation>
            <numerusform>First contact due in %n working day (by %1).</numerusform>
            <numerusform>First contact due in %n working days (by %1).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Goals agreed on %1, %n days after the limit (due %2).</source>
        <translation>
            <numerusform>Goals agreed on %1, %n day after the limit (due %2).</numerusform>
            <numerusform>Goals agreed on %1, %n days after the limit (due %2).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Goals not set: %n days past the %1-day limit (due %2).</source>
        <translation>
            <numerusform>Goals not set: %n day past the %1-day limit (due %2).</numerusform>
            <numerusform>Goals not set: %n days past the %1-day limit (due %2).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Goals due in %n days (by %1).</source>
        <translation>
            <numerusform>Goals due in %n day (by %1).</numerusform>
            <numerusform>Goals due in %n days (by %1).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Plan completed on %1, %n working days after the limit (due %2).</source>
        <translation>
            <numerusform>Plan completed on %1, %n working day after the limit (due %2).</numerusform>
            <numerusform>Plan completed on %1, %n working days after the limit (due %2).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Plan not complete: %n working days past the %1-working-day limit (due %2).</source>
        <translation>
            <numerusform>Plan not complete: %n working day past the %1-working-day limit (due %2).</numerusform>
            <numerusform>Plan not complete: %n working days past the %1-working-day limit (due %2).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Plan due in %n working days (by %1).</source>
        <translation>
            <numerusform>Plan due in %n working day (by %1).</numerusform>
            <numerusform>Plan due in %n working days (by %1).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Review overdue: %n days past the %1-week limit (due %2).</source>
        <translation>
            <numerusform>Review overdue: %n day past the %1-week limit (due %2).</numerusform>
            <numerusform>Review overdue: %n days past the %1-week limit (due %2).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Review due in %n days (by %1).</source>
        <translation>
            <numerusform>Review due in %n day (by %1).</numerusform>
            <numerusform>Review due in %n days (by %1).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Open %n days longer than %1 weeks without progress recorded at the last review (limit %2).</source>
        <translation>
            <numerusform>Open %n day longer than %1 weeks without progress recorded at the last review (limit %2).</numerusform>
            <numerusform>Open %n days longer than %1 weeks without progress recorded at the last review (limit %2).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Open %1 weeks in %n days (on %2), and no progress is recorded at the last review.</source>
        <translation>
            <numerusform>Open %1 weeks in %n day (on %2), and no progress is recorded at the last review.</numerusform>
            <numerusform>Open %1 weeks in %n days (on %2), and no progress is recorded at the last review.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1-month maintenance review missed: %n days past its limit (due %2).</source>
        <translation>
            <numerusform>%1-month maintenance review missed: %n day past its limit (due %2).</numerusform>
            <numerusform>%1-month maintenance review missed: %n days past its limit (due %2).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1-month maintenance review due in %n days (by %2).</source>
        <translation>
            <numerusform>%1-month maintenance review due in %n day (by %2).</numerusform>
            <numerusform>%1-month maintenance review due in %n days (by %2).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FamilyConflictsCard</name>
    <message numerus="yes">
        <source>%n to compare</source>
        <extracomment>A badge: how many records have versions to compare.</extracomment>
        <translation>
            <numerusform>%n to compare</numerusform>
            <numerusform>%n to compare</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Genogram</name>
    <message numerus="yes">
        <source>A household names %n people who have been removed; they are left out.</source>
        <translation>
            <numerusform>A household names %n person who has been removed; they are left out.</numerusform>
            <numerusform>A household names %n people who have been removed; they are left out.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GenogramPage</name>
    <message numerus="yes">
        <source>The ecomap: %n links</source>
        <translation>
            <numerusform>The ecomap: %n link</numerusform>
            <numerusform>The ecomap: %n links</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The family tree: %n people</source>
        <translation>
            <numerusform>The family tree: %n person</numerusform>
            <numerusform>The family tree: %n people</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message numerus="yes">
        <source>%n digits typed</source>
        <translation>
            <numerusform>%n digit typed</numerusform>
            <numerusform>%n digits typed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TeamFeedback</name>
    <message numerus="yes">
        <source>Exit questionnaires answered by %n family(s) of the team.</source>
        <translation>
            <numerusform>Exit questionnaires answered by %n family of the team.</numerusform>
            <numerusform>Exit questionnaires answered by %n families of the team.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ThreeHousesPage</name>
    <message numerus="yes">
        <source>%1, %n years old</source>
        <translation>
            <numerusform>%1, %n year old</numerusform>
            <numerusform>%1, %n years old</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Vault</name>
    <message numerus="yes">
        <source>The PIN is not correct. You have %n attempts left before the data on this device is locked for good.</source>
        <translation>
            <numerusform>The PIN is not correct. You have %n attempt left before the data on this device is locked for good.</numerusform>
            <numerusform>The PIN is not correct. You have %n attempts left before the data on this device is locked for good.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The passphrase is not correct. You have %n attempts left before the data on this device is locked for good.</source>
        <translation>
            <numerusform>The passphrase is not correct. You have %n attempt left before the data on this device is locked for good.</numerusform>
            <numerusform>The passphrase is not correct. You have %n attempts left before the data on this device is locked for good.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>doorstep::ConflictController</name>
    <message numerus="yes">
        <source>%n versions of these notes — compare</source>
        <translation>
            <numerusform>%n version of these notes — compare</numerusform>
            <numerusform>%n versions of these notes — compare</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>doorstep::TeamCaseloadModel</name>
    <message numerus="yes">
        <source>Closed after %n week(s)</source>
        <translation>
            <numerusform>Closed after %n week</numerusform>
            <numerusform>Closed after %n weeks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Open %n week(s)</source>
        <translation>
            <numerusform>Open %n week</numerusform>
            <numerusform>Open %n weeks</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>doorstep::TeamPractitionerModel</name>
    <message numerus="yes">
        <source>Synced %n day(s) ago, on %1</source>
        <translation>
            <numerusform>Synced %n day ago, on %1</numerusform>
            <numerusform>Synced %n days ago, on %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open case(s)</source>
        <translation>
            <numerusform>%n open case</numerusform>
            <numerusform>%n open cases</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n below the usual %1–%2</source>
        <translation>
            <numerusform>%n below the usual %1–%2</numerusform>
            <numerusform>%n below the usual %1–%2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n above the usual %1–%2</source>
        <translation>
            <numerusform>%n above the usual %1–%2</numerusform>
            <numerusform>%n above the usual %1–%2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n check(s) drifting</source>
        <translation>
            <numerusform>%n check drifting</numerusform>
            <numerusform>%n checks drifting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n due soon</source>
        <translation>
            <numerusform>%n due soon</numerusform>
            <numerusform>%n due soon</numerusform>
        </translation>
    </message>
</context>
</TS>
