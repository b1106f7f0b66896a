### status: drafted, not yet reviewed by a native speaker
### language: Khmer

# The console's own words. Code lists (categories, purposes,
# reasons, handling codes, indicators, ICCS titles) are in codes.ftl.


## Formats

# Digit grouping of whole numbers.
# en: ,
number-group = ,
# A date and time, always UTC. $day and $year are numbers, $month a name
# from month-1 to month-12, $time "HH:MM".
# en: { $day } { $month } { $year }, { $time } UTC
date-time = { $day } { $month } { $year }, { $time } UTC
# en: Jan
month-1 = មករា
# en: Feb
month-2 = កុម្ភៈ
# en: Mar
month-3 = មីនា
# en: Apr
month-4 = មេសា
# en: May
month-5 = ឧសភា
# en: Jun
month-6 = មិថុនា
# en: Jul
month-7 = កក្កដា
# en: Aug
month-8 = សីហា
# en: Sep
month-9 = កញ្ញា
# en: Oct
month-10 = តុលា
# en: Nov
month-11 = វិច្ឆិកា
# en: Dec
month-12 = ធ្នូ

## The frame of every page

# en: Liaison console
console-title = កុងសូល Liaison
# en: Node of { $country }
node-of = ថ្នាំងរបស់ { $country }
# en: Signed in as { $user }
signed-in-as = បានចូលជា { $user }
# en: Sign out
sign-out = ចាកចេញ
# en: Language
language = ភាសា
# en: not yet reviewed
not-reviewed = មិនទាន់បានពិនិត្យ
# en: Skip to content
skip-to-content = រំលងទៅខ្លឹមសារ
# en: Requests
nav-requests = សំណើ
# en: New request
nav-new-request = សំណើថ្មី
# en: Inbox
nav-inbox = ប្រអប់សំណើចូល
# en: Audit log
nav-audit = កំណត់ហេតុសវនកម្ម
# en: Reports
nav-reports = របាយការណ៍
# en: Peers
nav-peers = ថ្នាំងដៃគូ
# en: Users
nav-users = អ្នកប្រើប្រាស់
# en: My account
nav-account = គណនីរបស់ខ្ញុំ
# en: Shown as sent, in the sender's language ({ $language }); never translated.
free-text-note = បង្ហាញតាមដែលបានផ្ញើ ជាភាសារបស់អ្នកផ្ញើ ({ $language }) ហើយមិនបកប្រែឡើយ។
# en: Shown as sent; never translated.
free-text-note-unknown = បង្ហាញតាមដែលបានផ្ញើ ហើយមិនបកប្រែឡើយ។

## Signing in

# en: Sign in
sign-in = ចូល
# en: Sign in to Liaison
sign-in-title = ចូលប្រើ Liaison
# en: Login name
login = ឈ្មោះចូលប្រើ
# en: Password
password = ពាក្យសម្ងាត់
# en: Sign-in refused: wrong login name or password, or the account is locked or disabled.
sign-in-refused = ការចូលត្រូវបានបដិសេធ៖ ឈ្មោះចូលប្រើ ឬពាក្យសម្ងាត់មិនត្រឹមត្រូវ ឬគណនីត្រូវបានចាក់សោ ឬបិទ។
# en: Second factor
second-factor = កត្តាទីពីរ
# en: Code from your authenticator app
second-factor-code = លេខកូដពីកម្មវិធីផ្ទៀងផ្ទាត់របស់អ្នក
# en: The code is wrong or already used.
second-factor-refused = លេខកូដមិនត្រឹមត្រូវ ឬត្រូវបានប្រើរួចហើយ។
# en: Verify
verify = ផ្ទៀងផ្ទាត់
# en: Your session has ended. Please sign in again.
session-ended = វគ្គរបស់អ្នកបានបញ្ចប់។ សូមចូលម្តងទៀត។
# en: You are signed out.
signed-out = អ្នកបានចាកចេញហើយ។
# en: Your role ({ $role }) may not open this page.
forbidden = តួនាទីរបស់អ្នក ({ $role }) មិនអាចបើកទំព័រនេះបានទេ។
# en: Not found.
not-found = រកមិនឃើញ។
# en: This form has expired or did not come from this console. Reload the page and try again.
csrf-refused = ទម្រង់នេះផុតសុពលភាព ឬមិនមែនមកពីកុងសូលនេះ។ សូមផ្ទុកទំព័រឡើងវិញ ហើយព្យាយាមម្តងទៀត។
# en: Something went wrong
error-title = មានបញ្ហាកើតឡើង
# en: Back
back = ត្រឡប់ក្រោយ

## My account

# en: My account
account-title = គណនីរបស់ខ្ញុំ
# en: Change password
change-password = ប្តូរពាក្យសម្ងាត់
# en: Your password was set by an administrator: choose your own before you go on.
must-change-password = ពាក្យសម្ងាត់របស់អ្នកត្រូវបានកំណត់ដោយអ្នកគ្រប់គ្រង៖ សូមជ្រើសរើសពាក្យសម្ងាត់ផ្ទាល់ខ្លួនមុននឹងបន្ត។
# en: Current password
current-password = ពាក្យសម្ងាត់បច្ចុប្បន្ន
# en: New password
new-password = ពាក្យសម្ងាត់ថ្មី
# en: At least { $min } characters, not containing your login name.
new-password-rule = យ៉ាងហោចណាស់ { $min } តួអក្សរ ហើយមិនមានឈ្មោះចូលប្រើរបស់អ្នក។
# en: Password changed.
password-changed = បានប្តូរពាក្យសម្ងាត់។
# en: Set up a second factor
enrol-totp = រៀបចំកត្តាទីពីរ
# en: Your role must sign in with a second factor: set one up before you go on.
totp-required = តួនាទីរបស់អ្នកត្រូវចូលដោយប្រើកត្តាទីពីរ៖ សូមរៀបចំវាមុននឹងបន្ត។
# en: Enter this key in your authenticator app (time-based, SHA-1, 6 digits, 30 seconds):
totp-secret = បញ្ចូលសោនេះក្នុងកម្មវិធីផ្ទៀងផ្ទាត់របស់អ្នក (ផ្អែកលើពេលវេលា, SHA-1, 6 ខ្ទង់, 30 វិនាទី)៖
# en: Or open this link on the phone that has the app:
totp-uri = ឬបើកតំណនេះនៅលើទូរស័ព្ទដែលមានកម្មវិធី៖
# en: Second factor set up.
totp-enrolled = បានរៀបចំកត្តាទីពីររួចហើយ។
# en: A second factor is set up for this account.
totp-active = គណនីនេះមានកត្តាទីពីររួចហើយ។
# en: Language saved.
language-saved = បានរក្សាទុកភាសា។
# en: Save
save = រក្សាទុក
# en: Personal API token
api-token = ថូខឹន API ផ្ទាល់ខ្លួន
# en: For the command line (liaison login): it acts as you. It is shown once.
api-token-explain = សម្រាប់បន្ទាត់បញ្ជា (liaison login)៖ វាធ្វើសកម្មភាពក្នុងនាមអ្នក។ វាបង្ហាញតែម្តងប៉ុណ្ណោះ។
# en: Issue a token
api-token-issue = ចេញថូខឹន
# en: Your new token (copy it now; it is not shown again):
api-token-issued = ថូខឹនថ្មីរបស់អ្នក (សូមចម្លងឥឡូវនេះ វានឹងមិនបង្ហាញម្តងទៀតទេ)៖

## Requests (focal point)

# en: Requests sent by { $country }
requests-title = សំណើដែលផ្ញើដោយ { $country }
# en: No requests yet.
requests-none = មិនទាន់មានសំណើទេ។
# en: { $count -> [one] One open request *[other] { $count } open requests }
open-requests = សំណើកំពុងបើក { $count }
# en: Request
col-request = សំណើ
# en: To
col-to = ទៅ
# en: Category
col-category = ប្រភេទ
# en: Status
col-status = ស្ថានភាព
# en: Deadline
col-deadline = កំណត់ពេល
# en: Time left
col-time-left = ពេលនៅសល់
# en: Case
col-case = ករណី
# en: { $days -> [one] 1 day *[other] { $days } days }
time-left-days = { $days } ថ្ងៃ
# en: { $hours -> [one] 1 hour *[other] { $hours } hours }
time-left-hours = { $hours } ម៉ោង
# en: overdue
overdue = ហួសកំណត់ពេល
# en: New request
new-request-title = សំណើថ្មី
# en: To (country)
field-to = ទៅ (ប្រទេស)
# en: Category
field-category = ប្រភេទ
# en: Purpose
field-purpose = គោលបំណង
# en: Offences (ICCS)
field-offences = បទល្មើស (ICCS)
# en: Legal basis
field-legal-basis = មូលដ្ឋានគតិយុត្ត
# en: Reference of the legal basis (treaty, statute)
field-legal-basis-reference = ឯកសារយោងនៃមូលដ្ឋានគតិយុត្ត (សន្ធិសញ្ញា ច្បាប់)
# en: Case reference
field-case-reference = លេខយោងករណី
# en: Summary
field-summary = សេចក្តីសង្ខេប
# en: Language of the summary
field-summary-language = ភាសានៃសេចក្តីសង្ខេប
# en: Answer within (days)
field-deadline-days = ឆ្លើយតបក្នុងរយៈពេល (ថ្ងៃ)
# en: Subject kind
field-subject-kind = ប្រភេទកម្មវត្ថុ
# en: Role
field-subject-role = តួនាទី
# en: Identifier
field-subject-value = អត្តសញ្ញាណ
# en: This request concerns a possible victim of trafficking
field-possible-victim = សំណើនេះពាក់ព័ន្ធនឹងបុគ្គលដែលអាចជាជនរងគ្រោះនៃការជួញដូរមនុស្ស
# en: Victim indicators
field-indicators = សូចនាករជនរងគ្រោះ
# en: Fields asked for
field-fields = វាលដែលស្នើសុំ
# en: National offence (optional)
field-national-offence = បទល្មើសតាមច្បាប់ជាតិ (មិនចាំបាច់)
# en: Subject { $n }
subject-n = កម្មវត្ថុទី { $n }
# en: Check against the agreements
preview = ពិនិត្យធៀបនឹងកិច្ចព្រមព្រៀង
# en: Send
send = ផ្ញើ
# en: Both agreements allow this request: { $detail }
dry-run-allowed = កិច្ចព្រមព្រៀងទាំងពីរអនុញ្ញាតសំណើនេះ៖ { $detail }
# en: Refused by the agreements: { $detail }
dry-run-denied = ត្រូវបានបដិសេធដោយកិច្ចព្រមព្រៀង៖ { $detail }
# en: Request sent.
sent = បានផ្ញើសំណើ។
# en: Request { $id }
request-title = សំណើ { $id }
# en: Timeline
timeline = កាលប្បវត្តិ
# en: Answer
answer = ចម្លើយ
# en: Receipts
receipts = បង្កាន់ដៃទទួល
# en: Audit log positions
audit-positions = ទីតាំងក្នុងកំណត់ហេតុសវនកម្ម
# en: Withdraw
withdraw = ដកវិញ
# en: Withdrawn.
withdrawn = បានដកវិញ។
# en: No answer yet.
no-answer-yet = មិនទាន់មានចម្លើយទេ។
# en: Released fields
fields-released = វាលដែលបានបញ្ចេញ
# en: Withheld by the agreement
fields-redacted = រក្សាទុកមិនបញ្ចេញតាមកិច្ចព្រមព្រៀង
# en: Handling
handling = ការគ្រប់គ្រងទិន្នន័យ
# en: Kept for { $days } days
retention = រក្សាទុករយៈពេល { $days } ថ្ងៃ
# en: Refused: { $reason }
refused-because = បានបដិសេធ៖ { $reason }

## Inbox (agency)

# en: Requests for { $agency }
inbox-title = សំណើសម្រាប់ { $agency }
# en: Nothing to answer.
inbox-none = គ្មានអ្វីត្រូវឆ្លើយទេ។
# en: This request concerns a possible victim of trafficking. Treat the person as a victim: the non-punishment principle applies ({ $provision }).
victim-notice = សំណើនេះពាក់ព័ន្ធនឹងបុគ្គលដែលអាចជាជនរងគ្រោះនៃការជួញដូរមនុស្ស។ សូមចាត់ទុកបុគ្គលនោះជាជនរងគ្រោះ៖ គោលការណ៍មិនដាក់ទោសត្រូវអនុវត្ត ({ $provision })។
# en: Dual criminality: { $indication }
dual-criminality = ឧក្រិដ្ឋភាពទ្វេ៖ { $indication }
# en: From { $country }
from-country = ពី { $country }
# en: Answer
answer-title = ឆ្លើយតប
# en: Refuse
refuse-title = បដិសេធ
# en: Value
field-value = តម្លៃ
# en: Reason
field-refusal-reason = មូលហេតុ
# en: Note to the requester
field-note = កំណត់សម្គាល់ជូនភាគីស្នើសុំ
# en: Preview what will be released
preview-answer = មើលជាមុននូវអ្វីដែលនឹងត្រូវបញ្ចេញ
# en: Send the answer
answer-send = ផ្ញើចម្លើយ
# en: Refuse the request
refuse-send = បដិសេធសំណើ
# en: Will be released
will-release = នឹងត្រូវបញ្ចេញ
# en: Will be withheld (not granted by the agreement)
will-redact = នឹងមិនត្រូវបញ្ចេញ (កិច្ចព្រមព្រៀងមិនអនុញ្ញាត)
# en: Answer sent.
answered = បានផ្ញើចម្លើយ។
# en: Refusal sent.
refused = បានផ្ញើការបដិសេធ។

## Audit (auditor)

# en: Audit log
audit-title = កំណត់ហេតុសវនកម្ម
# en: Peer
filter-peer = ថ្នាំងដៃគូ
# en: Category
filter-category = ប្រភេទ
# en: Event
filter-event = ព្រឹត្តិការណ៍
# en: From (date)
filter-from = ពី (កាលបរិច្ឆេទ)
# en: To (date)
filter-to = ដល់ (កាលបរិច្ឆេទ)
# en: Filter
filter = ត្រង
# en: #
col-index = #
# en: Time
col-time = ពេលវេលា
# en: Event
col-event = ព្រឹត្តិការណ៍
# en: Who
col-actor = អ្នកធ្វើ
# en: Peer
col-peer = ថ្នាំងដៃគូ
# en: Detail
col-detail = ព័ត៌មានលម្អិត
# en: Verify this node's log
verify-log = ផ្ទៀងផ្ទាត់កំណត់ហេតុរបស់ថ្នាំងនេះ
# en: The log verifies: { $entries } entries, tree head signed by this node (key { $key }), every entry in it. Root: { $root }
verify-ok = កំណត់ហេតុត្រឹមត្រូវ៖ { $entries } ធាតុ ក្បាលមែកធាងចុះហត្ថលេខាដោយថ្នាំងនេះ (សោ { $key }) ហើយមានគ្រប់ធាតុនៅក្នុងនោះ។ ឫស៖ { $root }
# en: The log does NOT verify: { $problem }
verify-failed = កំណត់ហេតុមិនត្រឹមត្រូវទេ៖ { $problem }
# en: Download the export
export = ទាញយកទិន្នន័យនាំចេញ
# en: Reports
reports-title = របាយការណ៍
# en: Requests per peer
report-per-peer = សំណើតាមថ្នាំងដៃគូ
# en: Requests per category
report-per-category = សំណើតាមប្រភេទ
# en: Requests per month
report-per-month = សំណើតាមខែ
# en: The start of an event name, e.g. request. or policy.
filter-event-hint = ផ្នែកដើមនៃឈ្មោះព្រឹត្តិការណ៍ ឧ. request. ឬ policy.
# en: Page
filter-before = ទំព័រ
# en: { $field }: not a date. Write it as YYYY-MM-DD, e.g. 2026-11-30.
filter-bad-date = { $field }៖ មិនមែនជាកាលបរិច្ឆេទទេ។ សូមសរសេរជា YYYY-MM-DD ឧ. 2026-11-30។
# en: { $field }: not understood. Check it and try again.
filter-bad-value = { $field }៖ មិនអាចយល់បាន។ សូមពិនិត្យ ហើយព្យាយាមម្តងទៀត។
# en: No entries match these filters.
audit-none = គ្មានធាតុណាត្រូវនឹងតម្រងទាំងនេះទេ។
# en: Newest first
audit-newest = ថ្មីបំផុតមុន
# en: Older entries
audit-next = ធាតុចាស់ជាងនេះ
# en: The same file as "liaison audit export": the signed tree head and every entry with its inclusion proof, for verification offline with "liaison audit verify".
export-explain = ឯកសារដូចគ្នានឹង "liaison audit export"៖ ក្បាលមែកធាងដែលបានចុះហត្ថលេខា និងគ្រប់ធាតុជាមួយភស្តុតាងនៃការរាប់បញ្ចូល (inclusion proof) សម្រាប់ផ្ទៀងផ្ទាត់ក្រៅបណ្តាញដោយ "liaison audit verify"។
# en: Verification of this node's log
verify-title = ការផ្ទៀងផ្ទាត់កំណត់ហេតុរបស់ថ្នាំងនេះ
# en: Entries checked: { $entries }.
verify-checked = ធាតុដែលបានពិនិត្យ៖ { $entries }។
# en: New requests (sent or received), from the audit log.
report-explain = សំណើថ្មី (ដែលបានផ្ញើ ឬទទួល) ពីកំណត់ហេតុសវនកម្ម។
# en: No requests yet.
report-none = មិនទាន់មានសំណើទេ។
# en: { $month } { $year }
report-month = { $month } { $year }
# en: Requests
col-count = ចំនួនសំណើ
# en: Month
col-month = ខែ

## Admin

# en: Peers
peers-title = ថ្នាំងដៃគូ
# en: Health
col-peer-health = ស្ថានភាពតភ្ជាប់
# en: Last delivery
col-last-delivery = ការបញ្ជូនចុងក្រោយ
# en: Queue
col-queue = ជួររង់ចាំ
# en: Compare agreements
compare = ប្រៀបធៀបកិច្ចព្រមព្រៀង
# en: No peers are configured.
peers-none = មិនទាន់មានការកំណត់ថ្នាំងដៃគូទេ។
# en: Country
col-country = ប្រទេស
# en: Endpoint
col-endpoint = ចំណុចតភ្ជាប់ (endpoint)
# en: Agreement in force
col-agreement = កិច្ចព្រមព្រៀងជាធរមាន
# en: OK
health-ok = ធម្មតា
# en: Alarm: witnessing found a problem
health-alarm = ការព្រមាន៖ ការធ្វើសាក្សី (witnessing) បានរកឃើញបញ្ហា
# en: Deliveries failing
health-failing = ការបញ្ជូនបរាជ័យ
# en: Not witnessed yet
health-unknown = មិនទាន់បានធ្វើសាក្សីនៅឡើយ
# en: never
never = មិនដែល
# en: version { $version }
agreement-version = កំណែ { $version }
# en: Keys and configuration
keys-config = សោ និងការកំណត់រចនាសម្ព័ន្ធ
# en: This node's signing key id
own-key-id = លេខសម្គាល់សោចុះហត្ថលេខារបស់ថ្នាំងនេះ
# en: Earlier key ids
previous-key-ids = លេខសម្គាល់សោមុនៗ
# en: Configuration file
config-path = ឯកសារកំណត់រចនាសម្ព័ន្ធ
# en: Console over HTTPS
console-tls = កុងសូលតាម HTTPS
# en: Local API over TLS
local-tls = API មូលដ្ឋានតាម TLS
# en: on
on = បើក
# en: off
off = បិទ
# en: none
none = គ្មាន
# en: Agreement with { $peer }
agreements-title = កិច្ចព្រមព្រៀងជាមួយ { $peer }
# en: Both copies agree.
agreements-same = ច្បាប់ចម្លងទាំងពីរដូចគ្នា។
# en: Differences
agreements-differences = ភាពខុសគ្នា
# en: What differs
col-aspect = អ្វីដែលខុសគ្នា
# en: What it means
col-explanation = អត្ថន័យ
# en: This node
this-node = ថ្នាំងនេះ
# en: The peer's copy
peer-side = ច្បាប់ចម្លងរបស់ថ្នាំងដៃគូ
# en: Rule
agreement-rule = វិធាន
# en: Rule { $n }
agreement-rule-n = វិធានទី { $n }
# en: category
agreement-category = ប្រភេទ
# en: directions
agreement-flows = ទិសដៅ
# en: purposes
agreement-purposes = គោលបំណង
# en: released fields
agreement-release = វាលដែលបានបញ្ចេញ
# en: handling
agreement-handling = ការគ្រប់គ្រងទិន្នន័យ
# en: retention (days)
agreement-retention = ការរក្សាទុក (ថ្ងៃ)
# en: daily limit
agreement-daily-limit = ដែនកំណត់ប្រចាំថ្ងៃ
# en: legal bases
agreement-legal-bases = មូលដ្ឋានគតិយុត្ត
# en: dual criminality required
agreement-dual-criminality = តម្រូវឱ្យមានឧក្រិដ្ឋភាពទ្វេ
# en: absent
absent = មិនមាន
# en: differs
differs = ខុសគ្នា
# en: Users
users-title = អ្នកប្រើប្រាស់
# en: Login
col-login = ឈ្មោះចូលប្រើ
# en: Role
col-role = តួនាទី
# en: Second factor
col-second-factor = កត្តាទីពីរ
# en: State
col-state = ស្ថានភាព
# en: Add a user
add-user = បន្ថែមអ្នកប្រើប្រាស់
# en: User { $login } added. One-time password (give it to them; they must change it): { $password }
user-added = បានបន្ថែមអ្នកប្រើប្រាស់ { $login }។ ពាក្យសម្ងាត់ប្រើតែម្តង (សូមផ្តល់ឱ្យគាត់ គាត់ត្រូវប្តូរវា)៖ { $password }
# en: New one-time password for { $login }: { $password }
password-reset = ពាក្យសម្ងាត់ប្រើតែម្តងថ្មីសម្រាប់ { $login }៖ { $password }
# en: Disable
disable = បិទ
# en: Enable
enable = បើក
# en: Reset password
reset-password = កំណត់ពាក្យសម្ងាត់ឡើងវិញ
# en: Change role
set-role = ប្តូរតួនាទី
# en: active
state-active = សកម្ម
# en: disabled
state-disabled = បានបិទ
# en: locked
state-locked = បានចាក់សោ
# en: yes
yes = បាទ/ចាស
# en: no
no = ទេ
# en: Subject
col-subject = កម្មវត្ថុ
# en: Your decision on dual criminality, if you override the indication
field-dual-decision = ការសម្រេចរបស់អ្នកលើឧក្រិដ្ឋភាពទ្វេ ប្រសិនបើអ្នកមិនយកតាមការចង្អុលបង្ហាញ
# en: Full name of the possible victim
field-victim-name = ឈ្មោះពេញរបស់បុគ្គលដែលអាចជាជនរងគ្រោះ
# en: Date of birth
field-victim-birth = ថ្ងៃខែឆ្នាំកំណើត
# en: Nationality (country code)
field-victim-nationality = សញ្ជាតិ (លេខកូដប្រទេស)
# en: Comma-separated field names; empty for every field the agreement accepts.
field-fields-hint = ឈ្មោះវាលបំបែកដោយសញ្ញាក្បៀស ទុកទទេសម្រាប់គ្រប់វាលដែលកិច្ចព្រមព្រៀងទទួលយក។
# en: Phone number
text-kind-phone = លេខទូរស័ព្ទ
# en: Person (full name)
text-kind-person = បុគ្គល (ឈ្មោះពេញ)
# en: Crypto wallet
text-kind-wallet = កាបូបរូបិយប័ណ្ណគ្រីបតូ
# en: Company
text-kind-company = ក្រុមហ៊ុន
# en: Bank account (IBAN)
text-kind-iban = គណនីធនាគារ (IBAN)
# en: Bank account (number and BIC)
text-kind-bank-account = គណនីធនាគារ (លេខគណនី និង BIC)
# en: Online account
text-kind-online = គណនីអនឡាញ
# en: Device (IMEI)
text-kind-imei = ឧបករណ៍ (IMEI)
# en: Identity document
text-kind-id-document = ឯកសារអត្តសញ្ញាណ
# en: Vehicle
text-kind-vehicle = យានជំនិះ
# en: IP address
text-kind-ip = អាសយដ្ឋាន IP
# en: Evidence files
evidence-title = ឯកសារភស្តុតាង
# en: No file is attached to this request yet.
evidence-none = មិនទាន់មានឯកសារភ្ជាប់ជាមួយសំណើនេះទេ។
# en: File
evidence-col-file = ឯកសារ
# en: From
evidence-col-from = ពី
# en: State
evidence-col-state = ស្ថានភាព
# en: Acquired by, when, from what source
evidence-col-acquired = ទទួលបានដោយនរណា នៅពេលណា ពីប្រភពណា
# en: SHA-256
evidence-col-hash = SHA-256
# en: { $bytes } bytes
evidence-size = { $bytes } បៃ
# en: Attached here, not yet sent
evidence-state-attached = បានភ្ជាប់នៅទីនេះ មិនទាន់ផ្ញើ
# en: Sending
evidence-state-sending = កំពុងផ្ញើ
# en: Delivered: the receiver verified it and signed a receipt
evidence-state-delivered = បានបញ្ជូនដល់៖ អ្នកទទួលបានផ្ទៀងផ្ទាត់ ហើយបានចុះហត្ថលេខាលើបង្កាន់ដៃទទួល
# en: Expected: its bytes are on their way
evidence-state-expected = កំពុងរង់ចាំ៖ ទិន្នន័យរបស់ឯកសារកំពុងបញ្ជូនមក
# en: Received and verified against the signed manifest
evidence-state-received = បានទទួល និងបានផ្ទៀងផ្ទាត់ធៀបនឹងបញ្ជីឯកសារ (manifest) ដែលបានចុះហត្ថលេខា
# en: Erased at the end of the retention period
evidence-state-purged = បានលុបនៅពេលផុតរយៈពេលរក្សាទុក
# en: Unknown state
evidence-state-unknown = ស្ថានភាពមិនស្គាល់
# en: Download
evidence-download = ទាញយក
# en: Send the attached files
evidence-send = ផ្ញើឯកសារដែលបានភ្ជាប់
# en: Download the court package
evidence-package = ទាញយកកញ្ចប់ឯកសារសម្រាប់តុលាការ
# en: One zip file a court can check offline with "liaison evidence verify": the files, the signed messages and receipts, every custody entry with its proof, the signed tree heads and both countries' keys. Downloading it is recorded in the audit log.
evidence-package-note = ឯកសារ zip តែមួយ ដែលតុលាការអាចពិនិត្យក្រៅបណ្តាញដោយ "liaison evidence verify"៖ ឯកសារ សារ និងបង្កាន់ដៃទទួលដែលបានចុះហត្ថលេខា គ្រប់ធាតុនៃខ្សែសង្វាក់កាន់កាប់ភស្តុតាង (chain of custody) ជាមួយភស្តុតាងនៃការរាប់បញ្ចូលរបស់វា ក្បាលមែកធាងដែលបានចុះហត្ថលេខា និងសោរបស់ប្រទេសទាំងពីរ។ ការទាញយកកញ្ចប់នេះត្រូវបានកត់ត្រាក្នុងកំណត់ហេតុសវនកម្ម។
# en: Attach a file
evidence-attach-title = ភ្ជាប់ឯកសារ
# en: Source or device it was taken from
evidence-field-source = ប្រភព ឬឧបករណ៍ដែលឯកសារនេះត្រូវបានយកមក
# en: What it shows
evidence-field-description = អ្វីដែលឯកសារនេះបង្ហាញ
# en: File
evidence-field-file = ឯកសារ
# en: Files up to { $mib } MiB on this node; the agreement may allow less, and names the media types it accepts. Attached files are sent only when you press "Send the attached files".
evidence-limit = ឯកសារទំហំរហូតដល់ { $mib } MiB នៅលើថ្នាំងនេះ កិច្ចព្រមព្រៀងអាចអនុញ្ញាតតិចជាងនេះ ហើយកំណត់ប្រភេទមេឌៀ (media type) ដែលខ្លួនទទួលយក។ ឯកសារដែលបានភ្ជាប់នឹងត្រូវផ្ញើតែនៅពេលអ្នកចុច "ផ្ញើឯកសារដែលបានភ្ជាប់" ប៉ុណ្ណោះ។
# en: Attach
evidence-attach = ភ្ជាប់

## Hit/no-hit checks (focal point) and indicator lists (agency)
# en: Hit checks
nav-hits = ពិនិត្យរកឃើញ
# en: Indicator lists
nav-lists = បញ្ជីសូចនាករ
# en: Hit/no-hit checks
hits-title = ការពិនិត្យ រកឃើញ/មិនរកឃើញ
# en: Asks whether a peer's agencies list these values, without the peer learning them. A miss says only "no hit"; a hit names the agency, its list and its reference, for a follow-up request. Every value counts against the agreement's daily quota.
hits-explain = សួរថាតើស្ថាប័នរបស់ប្រទេសដៃគូមានតម្លៃទាំងនេះក្នុងបញ្ជីឬទេ ដោយប្រទេសដៃគូមិនដឹងពីតម្លៃទាំងនោះ។ បើមិនរកឃើញ ចម្លើយគ្រាន់តែថា "មិនរកឃើញ"។ បើរកឃើញ វាបង្ហាញស្ថាប័ន បញ្ជី និងលេខយោង សម្រាប់សំណើតាមដាន។ តម្លៃនីមួយៗរាប់បញ្ចូលក្នុងកូតាប្រចាំថ្ងៃនៃកិច្ចព្រមព្រៀង។
# en: Country to check against
hits-field-peer = ប្រទេសដែលត្រូវពិនិត្យ
# en: No agreement with a peer allows this country hit/no-hit checks: a check will be refused.
hits-no-agreement = មិនទាន់មានកិច្ចព្រមព្រៀងជាមួយប្រទេសដៃគូណាមួយអនុញ្ញាតឱ្យប្រទេសនេះពិនិត្យ រកឃើញ/មិនរកឃើញ ទេ៖ ការពិនិត្យនឹងត្រូវបដិសេធ។
# en: Kind of values
hits-field-kind = ប្រភេទតម្លៃ
# en: Values, one per line (at most 1,000)
hits-field-values = តម្លៃ មួយក្នុងមួយបន្ទាត់ (មិនលើស 1,000)
# en: Phone numbers in E.164 form (+85512345678); bank accounts as an IBAN or BIC/ACCOUNT; wallets by address; online accounts as PLATFORM:handle; IMEIs of 15 digits; identity documents as COUNTRY:NUMBER (VNM:C1234567).
hits-kinds-hint = លេខទូរស័ព្ទតាមទម្រង់ E.164 (+85512345678)។ គណនីធនាគារជា IBAN ឬ BIC/ACCOUNT។ កាបូបតាមអាសយដ្ឋាន។ គណនីអនឡាញជា PLATFORM:handle។ IMEI 15 ខ្ទង់។ ឯកសារអត្តសញ្ញាណជា COUNTRY:NUMBER (VNM:C1234567)។
# en: Check
hits-check = ពិនិត្យ
# en: Give 1 to 1,000 values, one per line.
hits-values-count = សូមផ្តល់តម្លៃពី 1 ដល់ 1,000 មួយក្នុងមួយបន្ទាត់។
# en: Results
hits-results-title = លទ្ធផល
# en: Values checked at { $peer }: { $count }. Hits: { $hits }.
hits-checked = តម្លៃបានពិនិត្យនៅ { $peer }៖ { $count }។ រកឃើញ៖ { $hits }។
# en: Values { $peer } still allows today: { $left }. The quota resets at { $resets }.
hits-quota = តម្លៃដែល { $peer } នៅអនុញ្ញាតថ្ងៃនេះ៖ { $left }។ កូតាកំណត់ឡើងវិញនៅ { $resets }។
# en: Epoch of { $peer }'s signed set: { $epoch }. Entries in the set for this country: { $entries }.
hits-set = epoch នៃសំណុំដែលបានចុះហត្ថលេខារបស់ { $peer }៖ { $epoch }។ ធាតុក្នុងសំណុំសម្រាប់ប្រទេសនេះ៖ { $entries }។
# en: Value
hits-col-value = តម្លៃ
# en: Result
hits-col-outcome = លទ្ធផល
# en: Agency
hits-col-agency = ស្ថាប័ន
# en: List
hits-col-list = បញ្ជី
# en: Reference
hits-col-reference = លេខយោង
# en: Date added
hits-col-added = កាលបរិច្ឆេទបន្ថែម
# en: Hit
hits-hit = រកឃើញ
# en: No hit
hits-miss = មិនរកឃើញ
# en: Follow up
hits-follow-up = តាមដាន
# en: Follow-up of a hit on { $agency }/{ $list }, reference { $reference }. The request goes to { $peer }; leave the subject empty and the value that hit is filled in.
hits-follow-up-notice = ការតាមដានលើការរកឃើញក្នុង { $agency }/{ $list } លេខយោង { $reference }។ សំណើនឹងផ្ញើទៅ { $peer }៖ ទុកកម្មវត្ថុទទេ ហើយតម្លៃដែលរកឃើញនឹងត្រូវបំពេញ។
# en: { $agency }/{ $list }, reference { $reference }
hits-listing = { $agency }/{ $list } លេខយោង { $reference }
# en: Follows up a hit
request-hit = តាមដានលើការរកឃើញ
# en: The value refused is value { $n }, on line { $line }.
value-refused-line = តម្លៃដែលត្រូវបដិសេធគឺតម្លៃទី { $n } នៅបន្ទាត់ទី { $line }។
# en: Phone number
hits-kind-phone = លេខទូរស័ព្ទ
# en: Bank account
hits-kind-bank_account = គណនីធនាគារ
# en: Crypto wallet
hits-kind-wallet = កាបូបរូបិយប័ណ្ណគ្រីបតូ
# en: Online account
hits-kind-online_account = គណនីអនឡាញ
# en: Device (IMEI)
hits-kind-imei = ឧបករណ៍ (IMEI)
# en: Identity document
hits-kind-identity_document = ឯកសារអត្តសញ្ញាណ
# en: Indicator lists of { $agency }
lists-title = បញ្ជីសូចនាកររបស់ { $agency }
# en: Values your agency lists, which the peers the agreements name may check without seeing the lists. Values are stored encrypted and never shown here, only counted.
lists-explain = តម្លៃដែលស្ថាប័នរបស់អ្នកមានក្នុងបញ្ជី ដែលប្រទេសដៃគូដែលកិច្ចព្រមព្រៀងកំណត់អាចពិនិត្យបាន ដោយមិនឃើញបញ្ជី។ តម្លៃត្រូវបានរក្សាទុកដោយអ៊ិនគ្រីប ហើយមិនបង្ហាញនៅទីនេះទេ មានតែចំនួនប៉ុណ្ណោះ។
# en: Epoch { $epoch }, begun { $started }. It ends { $ends }, or sooner when a list changes.
lists-epoch = epoch { $epoch } ចាប់ផ្តើម { $started }។ វាបញ្ចប់ { $ends } ឬមុននោះ ពេលបញ្ជីណាមួយផ្លាស់ប្តូរ។
# en: No list yet.
lists-none = មិនទាន់មានបញ្ជីទេ។
# en: List
lists-col-list = បញ្ជី
# en: Values per kind
lists-col-counts = តម្លៃតាមប្រភេទ
# en: Last changed
lists-col-updated = ផ្លាស់ប្តូរចុងក្រោយ
# en: Remove the whole list
lists-remove-all = លុបបញ្ជីទាំងមូល
# en: Removing a whole list destroys its key: its values cannot be read again.
lists-remove-all-hint = ការលុបបញ្ជីទាំងមូលបំផ្លាញសោរបស់វា៖ តម្លៃរបស់វាមិនអាចអានបានទៀតទេ។
# en: Import values
lists-import-title = នាំចូលតម្លៃ
# en: List
lists-field-list = បញ្ជី
# en: 1 to 64 lower-case letters, digits, - _ or . (a new name makes a new list).
lists-list-hint = អក្សរឡាតាំងតូច លេខ - _ ឬ . ពី 1 ដល់ 64 តួ (ឈ្មោះថ្មីបង្កើតបញ្ជីថ្មី)។
# en: CSV file
lists-field-file = ឯកសារ CSV
# en: One entry per line: value,reference[,added], the date added as YYYY-MM-DD (empty: today). A header line is skipped. A value already listed gets the new reference and date.
lists-file-hint = ធាតុមួយក្នុងមួយបន្ទាត់៖ value,reference[,added] ដោយកាលបរិច្ឆេទបន្ថែមជា YYYY-MM-DD (ទទេ៖ ថ្ងៃនេះ)។ បន្ទាត់ក្បាលត្រូវបានរំលង។ តម្លៃដែលមានរួចក្នុងបញ្ជីទទួលលេខយោង និងកាលបរិច្ឆេទថ្មី។
# en: Import
lists-import = នាំចូល
# en: Remove values
lists-remove-title = លុបតម្លៃ
# en: Values to remove, one per line
lists-field-values = តម្លៃត្រូវលុប មួយក្នុងមួយបន្ទាត់
# en: Remove these values
lists-remove = លុបតម្លៃទាំងនេះ
# en: { $list }: { $added } added or updated, { $removed } removed, { $absent } not on the list. Epoch now: { $epoch }.
lists-changed = { $list }៖ បន្ថែម ឬធ្វើបច្ចុប្បន្នភាព { $added } លុប { $removed } មិនមានក្នុងបញ្ជី { $absent }។ epoch ឥឡូវ៖ { $epoch }។
# en: The entry refused is on line { $line } of the file.
lists-line-refused = ធាតុដែលត្រូវបដិសេធនៅបន្ទាត់ទី { $line } នៃឯកសារ។
# en: The form did not arrive as this page sends it. Reload the page and try again.
lists-form-refused = ទម្រង់មិនបានមកដល់ដូចដែលទំព័រនេះផ្ញើទេ។ សូមផ្ទុកទំព័រឡើងវិញ ហើយព្យាយាមម្តងទៀត។
# en: The file is too large: at most { $kib } KiB and { $max } entries. Split it.
lists-csv-too-large = ឯកសារធំពេក៖ មិនលើស { $kib } KiB និង { $max } ធាតុ។ សូមបំបែកវា។
# en: The file is not UTF-8 text.
lists-csv-not-text = ឯកសារមិនមែនជាអត្ថបទ UTF-8 ទេ។
# en: The file holds no entries.
lists-csv-empty = ឯកសារគ្មានធាតុទេ។
# en: Line { $line } of the file: an entry is value,reference[,added].
lists-csv-fields = បន្ទាត់ទី { $line } នៃឯកសារ៖ ធាតុមួយគឺ value,reference[,added]។
# en: Line { $line } of the file: a quote out of place. Put a whole field in quotes and double a quote inside it ("").
lists-csv-quote = បន្ទាត់ទី { $line } នៃឯកសារ៖ សញ្ញាសម្រង់នៅខុសកន្លែង។ ដាក់វាលទាំងមូលក្នុងសញ្ញាសម្រង់ ហើយសរសេរសញ្ញាសម្រង់ខាងក្នុងពីរដង ("")។
