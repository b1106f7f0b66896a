### status: drafted, not yet reviewed by a native speaker
### language: Lao

# The console's own words. Code lists (categories, purposes,
# reasons, handling codes, indicators, ICCS titles) are in codes.ftl.


## Formats

# Digit grouping of whole numbers.
# en: ,
number-group = { "." }
# A date and time, always UTC. $day and $year are numbers, $month a name
# from month-1 to month-12, $time "HH:MM".
# en: { $day } { $month } { $year }, { $time } UTC
date-time = { $day } { $month } { $year }, { $time } UTC
# en: Jan
month-1 = ມ.ກ.
# en: Feb
month-2 = ກ.ພ.
# en: Mar
month-3 = ມ.ນ.
# en: Apr
month-4 = ມ.ສ.
# en: May
month-5 = ພ.ພ.
# en: Jun
month-6 = ມິ.ຖ.
# en: Jul
month-7 = ກ.ລ.
# en: Aug
month-8 = ສ.ຫ.
# en: Sep
month-9 = ກ.ຍ.
# en: Oct
month-10 = ຕ.ລ.
# en: Nov
month-11 = ພ.ຈ.
# en: Dec
month-12 = ທ.ວ.

## The frame of every page

# en: Liaison console
console-title = ຄອນໂຊ Liaison
# en: Node of { $country }
node-of = ໂນດຂອງ { $country }
# en: Signed in as { $user }
signed-in-as = ເຂົ້າລະບົບໃນນາມ { $user }
# en: Sign out
sign-out = ອອກຈາກລະບົບ
# en: Language
language = ພາສາ
# en: not yet reviewed
not-reviewed = ຍັງບໍ່ທັນໄດ້ກວດແກ້
# en: Skip to content
skip-to-content = ຂ້າມໄປຫາເນື້ອໃນ
# en: Requests
nav-requests = ຄຳຮ້ອງຂໍ
# en: New request
nav-new-request = ຄຳຮ້ອງຂໍໃໝ່
# en: Inbox
nav-inbox = ກ່ອງຮັບຄຳຮ້ອງຂໍ
# en: Audit log
nav-audit = ບັນທຶກການກວດສອບ
# en: Reports
nav-reports = ລາຍງານ
# en: Peers
nav-peers = ໂນດຄູ່ຮ່ວມ
# en: Users
nav-users = ຜູ້ໃຊ້
# en: My account
nav-account = ບັນຊີຂອງຂ້ອຍ
# en: Shown as sent, in the sender's language ({ $language }); never translated.
free-text-note = ສະແດງຕາມທີ່ສົ່ງມາ, ເປັນພາສາຂອງຜູ້ສົ່ງ ({ $language }); ບໍ່ມີການແປ.
# en: Shown as sent; never translated.
free-text-note-unknown = ສະແດງຕາມທີ່ສົ່ງມາ; ບໍ່ມີການແປ.

## Signing in

# en: Sign in
sign-in = ເຂົ້າລະບົບ
# en: Sign in to Liaison
sign-in-title = ເຂົ້າລະບົບ Liaison
# en: Login name
login = ຊື່ຜູ້ໃຊ້
# en: Password
password = ລະຫັດຜ່ານ
# en: Sign-in refused: wrong login name or password, or the account is locked or disabled.
sign-in-refused = ເຂົ້າລະບົບບໍ່ສຳເລັດ: ຊື່ຜູ້ໃຊ້ ຫຼື ລະຫັດຜ່ານບໍ່ຖືກຕ້ອງ, ຫຼື ບັນຊີຖືກລັອກ ຫຼື ຖືກລະງັບ.
# en: Second factor
second-factor = ການຢືນຢັນຂັ້ນທີສອງ
# en: Code from your authenticator app
second-factor-code = ລະຫັດຈາກແອັບຢືນຢັນຕົວຕົນຂອງທ່ານ
# en: The code is wrong or already used.
second-factor-refused = ລະຫັດບໍ່ຖືກຕ້ອງ ຫຼື ຖືກໃຊ້ແລ້ວ.
# en: Verify
verify = ຢືນຢັນ
# en: Your session has ended. Please sign in again.
session-ended = ເຊດຊັນຂອງທ່ານໄດ້ສິ້ນສຸດແລ້ວ. ກະລຸນາເຂົ້າລະບົບອີກຄັ້ງ.
# en: You are signed out.
signed-out = ທ່ານໄດ້ອອກຈາກລະບົບແລ້ວ.
# en: Your role ({ $role }) may not open this page.
forbidden = ບົດບາດຂອງທ່ານ ({ $role }) ບໍ່ມີສິດເປີດໜ້ານີ້.
# en: Not found.
not-found = ບໍ່ພົບ.
# en: This form has expired or did not come from this console. Reload the page and try again.
csrf-refused = ແບບຟອມນີ້ໝົດອາຍຸແລ້ວ ຫຼື ບໍ່ໄດ້ມາຈາກຄອນໂຊນີ້. ກະລຸນາໂຫຼດໜ້າຄືນໃໝ່ ແລ້ວລອງອີກຄັ້ງ.
# en: Something went wrong
error-title = ເກີດຂໍ້ຜິດພາດ
# en: Back
back = ກັບຄືນ

## My account

# en: My account
account-title = ບັນຊີຂອງຂ້ອຍ
# en: Change password
change-password = ປ່ຽນລະຫັດຜ່ານ
# en: Your password was set by an administrator: choose your own before you go on.
must-change-password = ລະຫັດຜ່ານຂອງທ່ານຖືກຕັ້ງໂດຍຜູ້ບໍລິຫານລະບົບ: ກະລຸນາຕັ້ງລະຫັດຜ່ານຂອງທ່ານເອງກ່ອນດຳເນີນການຕໍ່.
# en: Current password
current-password = ລະຫັດຜ່ານປັດຈຸບັນ
# en: New password
new-password = ລະຫັດຜ່ານໃໝ່
# en: At least { $min } characters, not containing your login name.
new-password-rule = ຢ່າງໜ້ອຍ { $min } ຕົວອັກສອນ, ບໍ່ມີຊື່ຜູ້ໃຊ້ຂອງທ່ານ.
# en: Password changed.
password-changed = ປ່ຽນລະຫັດຜ່ານແລ້ວ.
# en: Set up a second factor
enrol-totp = ຕັ້ງຄ່າການຢືນຢັນຂັ້ນທີສອງ
# en: Your role must sign in with a second factor: set one up before you go on.
totp-required = ບົດບາດຂອງທ່ານຕ້ອງເຂົ້າລະບົບດ້ວຍການຢືນຢັນຂັ້ນທີສອງ: ກະລຸນາຕັ້ງຄ່າກ່ອນດຳເນີນການຕໍ່.
# en: Enter this key in your authenticator app (time-based, SHA-1, 6 digits, 30 seconds):
totp-secret = ປ້ອນກະແຈນີ້ໃສ່ແອັບຢືນຢັນຕົວຕົນຂອງທ່ານ (ອີງຕາມເວລາ, SHA-1, 6 ຕົວເລກ, 30 ວິນາທີ):
# en: Or open this link on the phone that has the app:
totp-uri = ຫຼື ເປີດລິ້ງນີ້ໃນໂທລະສັບທີ່ມີແອັບ:
# en: Second factor set up.
totp-enrolled = ຕັ້ງຄ່າການຢືນຢັນຂັ້ນທີສອງແລ້ວ.
# en: A second factor is set up for this account.
totp-active = ບັນຊີນີ້ມີການຢືນຢັນຂັ້ນທີສອງແລ້ວ.
# en: Language saved.
language-saved = ບັນທຶກພາສາແລ້ວ.
# en: Save
save = ບັນທຶກ
# en: Personal API token
api-token = ໂທເຄັນ API ສ່ວນຕົວ
# en: For the command line (liaison login): it acts as you. It is shown once.
api-token-explain = ສຳລັບແຖວຄຳສັ່ງ (liaison login): ມັນເຮັດວຽກໃນນາມຂອງທ່ານ. ສະແດງພຽງຄັ້ງດຽວ.
# en: Issue a token
api-token-issue = ອອກໂທເຄັນ
# en: Your new token (copy it now; it is not shown again):
api-token-issued = ໂທເຄັນໃໝ່ຂອງທ່ານ (ກະລຸນາສຳເນົາດຽວນີ້; ຈະບໍ່ສະແດງອີກ):

## Requests (focal point)

# en: Requests sent by { $country }
requests-title = ຄຳຮ້ອງຂໍທີ່ສົ່ງໂດຍ { $country }
# en: No requests yet.
requests-none = ຍັງບໍ່ມີຄຳຮ້ອງຂໍ.
# en: { $count -> [one] One open request *[other] { $count } open requests }
open-requests = ຄຳຮ້ອງຂໍທີ່ຍັງເປີດຢູ່ { $count } ລາຍການ
# en: Request
col-request = ຄຳຮ້ອງຂໍ
# en: To
col-to = ເຖິງ
# en: Category
col-category = ປະເພດ
# en: Status
col-status = ສະຖານະ
# en: Deadline
col-deadline = ກຳນົດເວລາ
# en: Time left
col-time-left = ເວລາທີ່ເຫຼືອ
# en: Case
col-case = ຄະດີ
# en: { $days -> [one] 1 day *[other] { $days } days }
time-left-days = { $days } ມື້
# en: { $hours -> [one] 1 hour *[other] { $hours } hours }
time-left-hours = { $hours } ຊົ່ວໂມງ
# en: overdue
overdue = ກາຍກຳນົດ
# en: New request
new-request-title = ຄຳຮ້ອງຂໍໃໝ່
# en: To (country)
field-to = ເຖິງ (ປະເທດ)
# en: Category
field-category = ປະເພດ
# en: Purpose
field-purpose = ຈຸດປະສົງ
# en: Offences (ICCS)
field-offences = ການກະທຳຜິດ (ICCS)
# en: Legal basis
field-legal-basis = ພື້ນຖານທາງກົດໝາຍ
# en: Reference of the legal basis (treaty, statute)
field-legal-basis-reference = ເອກະສານອ້າງອີງຂອງພື້ນຖານທາງກົດໝາຍ (ສົນທິສັນຍາ, ກົດໝາຍ)
# en: Case reference
field-case-reference = ເລກອ້າງອີງຄະດີ
# en: Summary
field-summary = ບົດສະຫຼຸບ
# en: Language of the summary
field-summary-language = ພາສາຂອງບົດສະຫຼຸບ
# en: Answer within (days)
field-deadline-days = ຕອບພາຍໃນ (ມື້)
# en: Subject kind
field-subject-kind = ປະເພດເປົ້າໝາຍ
# en: Role
field-subject-role = ບົດບາດ
# en: Identifier
field-subject-value = ຕົວລະບຸ
# en: This request concerns a possible victim of trafficking
field-possible-victim = ຄຳຮ້ອງຂໍນີ້ກ່ຽວກັບບຸກຄົນທີ່ອາດເປັນຜູ້ຖືກເຄາະຮ້າຍຈາກການຄ້າມະນຸດ
# en: Victim indicators
field-indicators = ຕົວຊີ້ບອກຜູ້ຖືກເຄາະຮ້າຍ
# en: Fields asked for
field-fields = ຂໍ້ມູນທີ່ຮ້ອງຂໍ
# en: National offence (optional)
field-national-offence = ການກະທຳຜິດຕາມກົດໝາຍພາຍໃນ (ບໍ່ບັງຄັບ)
# en: Subject { $n }
subject-n = ເປົ້າໝາຍທີ { $n }
# en: Check against the agreements
preview = ກວດສອບກັບຂໍ້ຕົກລົງ
# en: Send
send = ສົ່ງ
# en: Both agreements allow this request: { $detail }
dry-run-allowed = ຂໍ້ຕົກລົງທັງສອງຝ່າຍອະນຸຍາດຄຳຮ້ອງຂໍນີ້: { $detail }
# en: Refused by the agreements: { $detail }
dry-run-denied = ຖືກປະຕິເສດຕາມຂໍ້ຕົກລົງ: { $detail }
# en: Request sent.
sent = ສົ່ງຄຳຮ້ອງຂໍແລ້ວ.
# en: Request { $id }
request-title = ຄຳຮ້ອງຂໍ { $id }
# en: Timeline
timeline = ລຳດັບເຫດການ
# en: Answer
answer = ຄຳຕອບ
# en: Receipts
receipts = ໃບຢັ້ງຢືນການຮັບ
# en: Audit log positions
audit-positions = ຕຳແໜ່ງໃນບັນທຶກການກວດສອບ
# en: Withdraw
withdraw = ຖອນຄຳຮ້ອງຂໍ
# en: Withdrawn.
withdrawn = ຖອນແລ້ວ.
# en: No answer yet.
no-answer-yet = ຍັງບໍ່ມີຄຳຕອບ.
# en: Released fields
fields-released = ຂໍ້ມູນທີ່ເປີດເຜີຍ
# en: Withheld by the agreement
fields-redacted = ຖືກກັກໄວ້ຕາມຂໍ້ຕົກລົງ
# en: Handling
handling = ການນຳໃຊ້ຂໍ້ມູນ
# en: Kept for { $days } days
retention = ເກັບຮັກສາໄວ້ { $days } ມື້
# en: Refused: { $reason }
refused-because = ປະຕິເສດ: { $reason }

## Inbox (agency)

# en: Requests for { $agency }
inbox-title = ຄຳຮ້ອງຂໍເຖິງ { $agency }
# en: Nothing to answer.
inbox-none = ບໍ່ມີຫຍັງຕ້ອງຕອບ.
# en: This request concerns a possible victim of trafficking. Treat the person as a victim: the non-punishment principle applies ({ $provision }).
victim-notice = ຄຳຮ້ອງຂໍນີ້ກ່ຽວກັບບຸກຄົນທີ່ອາດເປັນຜູ້ຖືກເຄາະຮ້າຍຈາກການຄ້າມະນຸດ. ໃຫ້ປະຕິບັດຕໍ່ບຸກຄົນນີ້ໃນຖານະຜູ້ຖືກເຄາະຮ້າຍ: ຫຼັກການບໍ່ລົງໂທດນຳໃຊ້ ({ $provision }).
# en: Dual criminality: { $indication }
dual-criminality = ຫຼັກການຄວາມຜິດສອງປະເທດ: { $indication }
# en: From { $country }
from-country = ຈາກ { $country }
# en: Answer
answer-title = ຕອບ
# en: Refuse
refuse-title = ປະຕິເສດ
# en: Value
field-value = ຄ່າ
# en: Reason
field-refusal-reason = ເຫດຜົນ
# en: Note to the requester
field-note = ໝາຍເຫດເຖິງຜູ້ຮ້ອງຂໍ
# en: Preview what will be released
preview-answer = ເບິ່ງຕົວຢ່າງຂໍ້ມູນທີ່ຈະເປີດເຜີຍ
# en: Send the answer
answer-send = ສົ່ງຄຳຕອບ
# en: Refuse the request
refuse-send = ປະຕິເສດຄຳຮ້ອງຂໍ
# en: Will be released
will-release = ຈະເປີດເຜີຍ
# en: Will be withheld (not granted by the agreement)
will-redact = ຈະກັກໄວ້ (ຂໍ້ຕົກລົງບໍ່ອະນຸຍາດ)
# en: Answer sent.
answered = ສົ່ງຄຳຕອບແລ້ວ.
# en: Refusal sent.
refused = ສົ່ງການປະຕິເສດແລ້ວ.

## Audit (auditor)

# en: Audit log
audit-title = ບັນທຶກການກວດສອບ
# en: Peer
filter-peer = ໂນດຄູ່ຮ່ວມ
# en: Category
filter-category = ປະເພດ
# en: Event
filter-event = ເຫດການ
# en: From (date)
filter-from = ແຕ່ (ວັນທີ)
# en: To (date)
filter-to = ເຖິງ (ວັນທີ)
# en: Filter
filter = ກັ່ນຕອງ
# en: #
col-index = #
# en: Time
col-time = ເວລາ
# en: Event
col-event = ເຫດການ
# en: Who
col-actor = ຜູ້ດຳເນີນການ
# en: Peer
col-peer = ໂນດຄູ່ຮ່ວມ
# en: Detail
col-detail = ລາຍລະອຽດ
# en: Verify this node's log
verify-log = ກວດສອບບັນທຶກຂອງໂນດນີ້
# en: The log verifies: { $entries } entries, tree head signed by this node (key { $key }), every entry in it. Root: { $root }
verify-ok = ບັນທຶກຜ່ານການກວດສອບ: { $entries } ລາຍການ, ສ່ວນຫົວຂອງຕົ້ນໄມ້ລົງນາມໂດຍໂນດນີ້ (ກະແຈ { $key }), ມີທຸກລາຍການຢູ່ໃນນັ້ນ. ຮາກ: { $root }
# en: The log does NOT verify: { $problem }
verify-failed = ບັນທຶກບໍ່ຜ່ານການກວດສອບ: { $problem }
# en: Download the export
export = ດາວໂຫຼດຂໍ້ມູນສົ່ງອອກ
# en: Reports
reports-title = ລາຍງານ
# en: Requests per peer
report-per-peer = ຄຳຮ້ອງຂໍຕາມໂນດຄູ່ຮ່ວມ
# en: Requests per category
report-per-category = ຄຳຮ້ອງຂໍຕາມປະເພດ
# en: Requests per month
report-per-month = ຄຳຮ້ອງຂໍຕາມເດືອນ
# en: The start of an event name, e.g. request. or policy.
filter-event-hint = ສ່ວນຕົ້ນຂອງຊື່ເຫດການ, ເຊັ່ນ request. ຫຼື policy.
# en: Page
filter-before = ໜ້າ
# en: { $field }: not a date. Write it as YYYY-MM-DD, e.g. 2026-11-30.
filter-bad-date = { $field }: ບໍ່ແມ່ນວັນທີ. ກະລຸນາຂຽນເປັນ YYYY-MM-DD, ເຊັ່ນ 2026-11-30.
# en: { $field }: not understood. Check it and try again.
filter-bad-value = { $field }: ບໍ່ເຂົ້າໃຈຄ່ານີ້. ກະລຸນາກວດເບິ່ງ ແລ້ວລອງໃໝ່.
# en: No entries match these filters.
audit-none = ບໍ່ມີລາຍການທີ່ກົງກັບຕົວກັ່ນຕອງເຫຼົ່ານີ້.
# en: Newest first
audit-newest = ລ່າສຸດກ່ອນ
# en: Older entries
audit-next = ລາຍການທີ່ເກົ່າກວ່າ
# en: The same file as "liaison audit export": the signed tree head and every entry with its inclusion proof, for verification offline with "liaison audit verify".
export-explain = ໄຟລ໌ດຽວກັນກັບ "liaison audit export": ສ່ວນຫົວຂອງຕົ້ນໄມ້ທີ່ລົງນາມແລ້ວ ແລະ ທຸກລາຍການພ້ອມຫຼັກຖານການລວມຢູ່ (inclusion proof), ສຳລັບກວດສອບແບບອອບໄລນ໌ດ້ວຍ "liaison audit verify".
# en: Verification of this node's log
verify-title = ການກວດສອບບັນທຶກຂອງໂນດນີ້
# en: Entries checked: { $entries }.
verify-checked = ລາຍການທີ່ກວດແລ້ວ: { $entries }.
# en: New requests (sent or received), from the audit log.
report-explain = ຄຳຮ້ອງຂໍໃໝ່ (ທີ່ສົ່ງ ຫຼື ໄດ້ຮັບ), ຈາກບັນທຶກການກວດສອບ.
# en: No requests yet.
report-none = ຍັງບໍ່ມີຄຳຮ້ອງຂໍ.
# en: { $month } { $year }
report-month = { $month } { $year }
# en: Requests
col-count = ຈຳນວນຄຳຮ້ອງຂໍ
# en: Month
col-month = ເດືອນ

## Admin

# en: Peers
peers-title = ໂນດຄູ່ຮ່ວມ
# en: Health
col-peer-health = ສະພາບການເຊື່ອມຕໍ່
# en: Last delivery
col-last-delivery = ການສົ່ງເຖິງຄັ້ງຫຼ້າສຸດ
# en: Queue
col-queue = ແຖວລໍຖ້າ
# en: Compare agreements
compare = ປຽບທຽບຂໍ້ຕົກລົງ
# en: No peers are configured.
peers-none = ຍັງບໍ່ໄດ້ຕັ້ງຄ່າໂນດຄູ່ຮ່ວມ.
# en: Country
col-country = ປະເທດ
# en: Endpoint
col-endpoint = ຈຸດເຊື່ອມຕໍ່ (endpoint)
# en: Agreement in force
col-agreement = ຂໍ້ຕົກລົງທີ່ມີຜົນບັງຄັບໃຊ້
# en: OK
health-ok = ປົກກະຕິ
# en: Alarm: witnessing found a problem
health-alarm = ແຈ້ງເຕືອນ: ການກວດສອບໂດຍພະຍານ (witnessing) ພົບບັນຫາ
# en: Deliveries failing
health-failing = ການສົ່ງລົ້ມເຫຼວ
# en: Not witnessed yet
health-unknown = ຍັງບໍ່ໄດ້ກວດສອບໂດຍພະຍານ
# en: never
never = ບໍ່ເຄີຍ
# en: version { $version }
agreement-version = ສະບັບທີ { $version }
# en: Keys and configuration
keys-config = ກະແຈ ແລະ ການຕັ້ງຄ່າ
# en: This node's signing key id
own-key-id = ລະຫັດກະແຈລົງນາມຂອງໂນດນີ້
# en: Earlier key ids
previous-key-ids = ລະຫັດກະແຈກ່ອນໜ້າ
# en: Configuration file
config-path = ໄຟລ໌ການຕັ້ງຄ່າ
# en: Console over HTTPS
console-tls = ຄອນໂຊຜ່ານ HTTPS
# en: Local API over TLS
local-tls = API ພາຍໃນຜ່ານ TLS
# en: on
on = ເປີດ
# en: off
off = ປິດ
# en: none
none = ບໍ່ມີ
# en: Agreement with { $peer }
agreements-title = ຂໍ້ຕົກລົງກັບ { $peer }
# en: Both copies agree.
agreements-same = ສຳເນົາທັງສອງກົງກັນ.
# en: Differences
agreements-differences = ຄວາມແຕກຕ່າງ
# en: What differs
col-aspect = ສິ່ງທີ່ແຕກຕ່າງ
# en: What it means
col-explanation = ຄວາມໝາຍ
# en: This node
this-node = ໂນດນີ້
# en: The peer's copy
peer-side = ສຳເນົາຂອງໂນດຄູ່ຮ່ວມ
# en: Rule
agreement-rule = ກົດ
# en: Rule { $n }
agreement-rule-n = ກົດຂໍ້ທີ { $n }
# en: category
agreement-category = ປະເພດ
# en: directions
agreement-flows = ທິດທາງ
# en: purposes
agreement-purposes = ຈຸດປະສົງ
# en: released fields
agreement-release = ຂໍ້ມູນທີ່ເປີດເຜີຍ
# en: handling
agreement-handling = ການນຳໃຊ້ຂໍ້ມູນ
# en: retention (days)
agreement-retention = ການເກັບຮັກສາ (ມື້)
# en: daily limit
agreement-daily-limit = ຈຳນວນສູງສຸດຕໍ່ມື້
# en: legal bases
agreement-legal-bases = ພື້ນຖານທາງກົດໝາຍ
# en: dual criminality required
agreement-dual-criminality = ຕ້ອງເປັນໄປຕາມຫຼັກການຄວາມຜິດສອງປະເທດ
# en: absent
absent = ບໍ່ລະບຸ
# en: differs
differs = ແຕກຕ່າງ
# en: Users
users-title = ຜູ້ໃຊ້
# en: Login
col-login = ຊື່ຜູ້ໃຊ້
# en: Role
col-role = ບົດບາດ
# en: Second factor
col-second-factor = ການຢືນຢັນຂັ້ນທີສອງ
# en: State
col-state = ສະຖານະ
# en: Add a user
add-user = ເພີ່ມຜູ້ໃຊ້
# en: User { $login } added. One-time password (give it to them; they must change it): { $password }
user-added = ເພີ່ມຜູ້ໃຊ້ { $login } ແລ້ວ. ລະຫັດຜ່ານໃຊ້ຄັ້ງດຽວ (ມອບໃຫ້ຜູ້ໃຊ້; ຜູ້ໃຊ້ຕ້ອງປ່ຽນ): { $password }
# en: New one-time password for { $login }: { $password }
password-reset = ລະຫັດຜ່ານໃຊ້ຄັ້ງດຽວໃໝ່ສຳລັບ { $login }: { $password }
# en: Disable
disable = ລະງັບ
# en: Enable
enable = ເປີດໃຊ້
# en: Reset password
reset-password = ຕັ້ງລະຫັດຜ່ານໃໝ່
# en: Change role
set-role = ປ່ຽນບົດບາດ
# en: active
state-active = ໃຊ້ງານຢູ່
# en: disabled
state-disabled = ຖືກລະງັບ
# en: locked
state-locked = ຖືກລັອກ
# en: yes
yes = ແມ່ນ
# en: no
no = ບໍ່
# en: Subject
col-subject = ເປົ້າໝາຍ
# en: Your decision on dual criminality, if you override the indication
field-dual-decision = ການຕັດສິນຂອງທ່ານກ່ຽວກັບຫຼັກການຄວາມຜິດສອງປະເທດ, ຖ້າທ່ານບໍ່ຖືຕາມການຊີ້ບອກ
# en: Full name of the possible victim
field-victim-name = ຊື່ ແລະ ນາມສະກຸນຂອງບຸກຄົນທີ່ອາດເປັນຜູ້ຖືກເຄາະຮ້າຍ
# en: Date of birth
field-victim-birth = ວັນເດືອນປີເກີດ
# en: Nationality (country code)
field-victim-nationality = ສັນຊາດ (ລະຫັດປະເທດ)
# en: Comma-separated field names; empty for every field the agreement accepts.
field-fields-hint = ຊື່ຂໍ້ມູນຂັ້ນດ້ວຍເຄື່ອງໝາຍຈຸດ (,); ປ່ອຍຫວ່າງໄວ້ສຳລັບທຸກຂໍ້ມູນທີ່ຂໍ້ຕົກລົງຍອມຮັບ.
# en: Phone number
text-kind-phone = ເບີໂທລະສັບ
# en: Person (full name)
text-kind-person = ບຸກຄົນ (ຊື່ ແລະ ນາມສະກຸນ)
# en: Crypto wallet
text-kind-wallet = ກະເປົາເງິນຄຣິບໂຕ
# en: Company
text-kind-company = ບໍລິສັດ
# en: Bank account (IBAN)
text-kind-iban = ບັນຊີທະນາຄານ (IBAN)
# en: Bank account (number and BIC)
text-kind-bank-account = ບັນຊີທະນາຄານ (ເລກບັນຊີ ແລະ BIC)
# en: Online account
text-kind-online = ບັນຊີອອນລາຍ
# en: Device (IMEI)
text-kind-imei = ອຸປະກອນ (IMEI)
# en: Identity document
text-kind-id-document = ເອກະສານຢັ້ງຢືນຕົວຕົນ
# en: Vehicle
text-kind-vehicle = ພາຫະນະ
# en: IP address
text-kind-ip = ທີ່ຢູ່ IP
# en: Evidence files
evidence-title = ໄຟລ໌ຫຼັກຖານ
# en: No file is attached to this request yet.
evidence-none = ຍັງບໍ່ມີໄຟລ໌ແນບກັບຄຳຮ້ອງຂໍນີ້.
# en: File
evidence-col-file = ໄຟລ໌
# en: From
evidence-col-from = ຈາກ
# en: State
evidence-col-state = ສະຖານະ
# en: Acquired by, when, from what source
evidence-col-acquired = ໄດ້ມາໂດຍໃຜ, ເມື່ອໃດ, ຈາກແຫຼ່ງໃດ
# en: SHA-256
evidence-col-hash = SHA-256
# en: { $bytes } bytes
evidence-size = { $bytes } ໄບຕ໌
# en: Attached here, not yet sent
evidence-state-attached = ແນບໄວ້ທີ່ນີ້, ຍັງບໍ່ໄດ້ສົ່ງ
# en: Sending
evidence-state-sending = ກຳລັງສົ່ງ
# en: Delivered: the receiver verified it and signed a receipt
evidence-state-delivered = ສົ່ງເຖິງແລ້ວ: ຜູ້ຮັບໄດ້ກວດສອບແລ້ວ ແລະ ລົງນາມໃນໃບຢັ້ງຢືນການຮັບ
# en: Expected: its bytes are on their way
evidence-state-expected = ລໍຖ້າຮັບ: ຂໍ້ມູນຂອງໄຟລ໌ກຳລັງສົ່ງມາ
# en: Received and verified against the signed manifest
evidence-state-received = ໄດ້ຮັບແລ້ວ ແລະ ກວດສອບກັບລາຍການໄຟລ໌ (manifest) ທີ່ລົງນາມແລ້ວ
# en: Erased at the end of the retention period
evidence-state-purged = ລຶບແລ້ວເມື່ອສິ້ນສຸດໄລຍະເວລາເກັບຮັກສາ
# en: Unknown state
evidence-state-unknown = ບໍ່ຮູ້ສະຖານະ
# en: Download
evidence-download = ດາວໂຫຼດ
# en: Send the attached files
evidence-send = ສົ່ງໄຟລ໌ທີ່ແນບໄວ້
# en: Download the court package
evidence-package = ດາວໂຫຼດຊຸດເອກະສານສຳລັບສານ
# en: One zip file a court can check offline with "liaison evidence verify": the files, the signed messages and receipts, every custody entry with its proof, the signed tree heads and both countries' keys. Downloading it is recorded in the audit log.
evidence-package-note = ໄຟລ໌ zip ດຽວທີ່ສານສາມາດກວດສອບແບບອອບໄລນ໌ດ້ວຍ "liaison evidence verify": ໄຟລ໌, ຂໍ້ຄວາມ ແລະ ໃບຢັ້ງຢືນການຮັບທີ່ລົງນາມແລ້ວ, ທຸກລາຍການໃນຕ່ອງໂສ້ການຄອບຄອງຫຼັກຖານ (chain of custody) ພ້ອມຫຼັກຖານການລວມຢູ່, ສ່ວນຫົວຂອງຕົ້ນໄມ້ທີ່ລົງນາມແລ້ວ ແລະ ກະແຈຂອງທັງສອງປະເທດ. ການດາວໂຫຼດຊຸດນີ້ຈະຖືກບັນທຶກໄວ້ໃນບັນທຶກການກວດສອບ.
# en: Attach a file
evidence-attach-title = ແນບໄຟລ໌
# en: Source or device it was taken from
evidence-field-source = ແຫຼ່ງທີ່ມາ ຫຼື ອຸປະກອນທີ່ໄດ້ໄຟລ໌ນີ້ມາ
# en: What it shows
evidence-field-description = ສິ່ງທີ່ໄຟລ໌ນີ້ສະແດງ
# en: File
evidence-field-file = ໄຟລ໌
# en: Files up to { $mib } MiB on this node; the agreement may allow less, and names the media types it accepts. Attached files are sent only when you press "Send the attached files".
evidence-limit = ໄຟລ໌ຂະໜາດບໍ່ເກີນ { $mib } MiB ໃນໂນດນີ້; ຂໍ້ຕົກລົງອາດອະນຸຍາດໜ້ອຍກວ່ານີ້, ແລະ ກຳນົດປະເພດສື່ (media type) ທີ່ຍອມຮັບ. ໄຟລ໌ທີ່ແນບໄວ້ຈະຖືກສົ່ງກໍຕໍ່ເມື່ອທ່ານກົດ "ສົ່ງໄຟລ໌ທີ່ແນບໄວ້" ເທົ່ານັ້ນ.
# en: Attach
evidence-attach = ແນບ

## Hit/no-hit checks (focal point) and indicator lists (agency)
# en: Hit checks
nav-hits = ກວດ ພົບ/ບໍ່ພົບ
# en: Indicator lists
nav-lists = ລາຍການຕົວຊີ້ບອກ
# en: Hit/no-hit checks
hits-title = ການກວດ ພົບ/ບໍ່ພົບ
# en: Asks whether a peer's agencies list these values, without the peer learning them. A miss says only "no hit"; a hit names the agency, its list and its reference, for a follow-up request. Every value counts against the agreement's daily quota.
hits-explain = ຖາມວ່າອົງການຂອງປະເທດຄູ່ຮ່ວມມີຄ່າເຫຼົ່ານີ້ຢູ່ໃນລາຍການບໍ່ ໂດຍທີ່ປະເທດຄູ່ຮ່ວມບໍ່ຮູ້ວ່າແມ່ນຄ່າໃດ. ຖ້າບໍ່ພົບ ຈະໄດ້ຄຳຕອບພຽງ "ບໍ່ພົບ"; ຖ້າພົບ ຈະບອກອົງການ, ລາຍການ ແລະ ເລກອ້າງອີງ ສຳລັບຄຳຮ້ອງຂໍຕິດຕາມ. ທຸກຄ່າຖືກນັບເຂົ້າໃນໂຄຕ້າປະຈຳວັນຂອງຂໍ້ຕົກລົງ.
# en: Country to check against
hits-field-peer = ປະເທດທີ່ຈະກວດ
# en: No agreement with a peer allows this country hit/no-hit checks: a check will be refused.
hits-no-agreement = ຍັງບໍ່ມີຂໍ້ຕົກລົງກັບປະເທດຄູ່ຮ່ວມໃດອະນຸຍາດໃຫ້ປະເທດນີ້ກວດ ພົບ/ບໍ່ພົບ: ການກວດຈະຖືກປະຕິເສດ.
# en: Kind of values
hits-field-kind = ປະເພດຂອງຄ່າ
# en: Values, one per line (at most 1,000)
hits-field-values = ຄ່າ, ແຖວລະໜຶ່ງຄ່າ (ບໍ່ເກີນ 1,000)
# en: Phone numbers in E.164 form (+85512345678); bank accounts as an IBAN or BIC/ACCOUNT; wallets by address; online accounts as PLATFORM:handle; IMEIs of 15 digits; identity documents as COUNTRY:NUMBER (VNM:C1234567).
hits-kinds-hint = ເບີໂທລະສັບໃນຮູບແບບ E.164 (+85512345678); ບັນຊີທະນາຄານເປັນ IBAN ຫຼື BIC/ACCOUNT; ກະເປົາເງິນຕາມທີ່ຢູ່; ບັນຊີອອນລາຍເປັນ PLATFORM:handle; IMEI 15 ຕົວເລກ; ເອກະສານຢັ້ງຢືນຕົວຕົນເປັນ COUNTRY:NUMBER (VNM:C1234567).
# en: Check
hits-check = ກວດ
# en: Give 1 to 1,000 values, one per line.
hits-values-count = ກະລຸນາໃສ່ 1 ຫາ 1,000 ຄ່າ, ແຖວລະໜຶ່ງຄ່າ.
# en: Results
hits-results-title = ຜົນການກວດ
# en: Values checked at { $peer }: { $count }. Hits: { $hits }.
hits-checked = ຄ່າທີ່ກວດກັບ { $peer }: { $count }. ພົບ: { $hits }.
# en: Values { $peer } still allows today: { $left }. The quota resets at { $resets }.
hits-quota = ຈຳນວນຄ່າທີ່ { $peer } ຍັງອະນຸຍາດມື້ນີ້: { $left }. ໂຄຕ້າເລີ່ມໃໝ່ເວລາ { $resets }.
# en: Epoch of { $peer }'s signed set: { $epoch }. Entries in the set for this country: { $entries }.
hits-set = epoch ຂອງຊຸດທີ່ລົງລາຍເຊັນຂອງ { $peer }: { $epoch }. ລາຍການໃນຊຸດສຳລັບປະເທດນີ້: { $entries }.
# en: Value
hits-col-value = ຄ່າ
# en: Result
hits-col-outcome = ຜົນ
# en: Agency
hits-col-agency = ອົງການ
# en: List
hits-col-list = ລາຍການ
# en: Reference
hits-col-reference = ເລກອ້າງອີງ
# en: Date added
hits-col-added = ວັນທີເພີ່ມ
# en: Hit
hits-hit = ພົບ
# en: No hit
hits-miss = ບໍ່ພົບ
# en: Follow up
hits-follow-up = ຕິດຕາມ
# en: Follow-up of a hit on { $agency }/{ $list }, reference { $reference }. The request goes to { $peer }; leave the subject empty and the value that hit is filled in.
hits-follow-up-notice = ການຕິດຕາມຜົນການພົບໃນ { $agency }/{ $list }, ເລກອ້າງອີງ { $reference }. ຄຳຮ້ອງຂໍຈະສົ່ງໄປ { $peer }; ປ່ອຍເປົ້າໝາຍຫວ່າງໄວ້ ແລະ ຄ່າທີ່ພົບຈະຖືກໃສ່ໃຫ້.
# en: { $agency }/{ $list }, reference { $reference }
hits-listing = { $agency }/{ $list }, ເລກອ້າງອີງ { $reference }
# en: Follows up a hit
request-hit = ຕິດຕາມຜົນການພົບ
# en: The value refused is value { $n }, on line { $line }.
value-refused-line = ຄ່າທີ່ຖືກປະຕິເສດແມ່ນຄ່າທີ { $n }, ຢູ່ແຖວທີ { $line }.
# en: Phone number
hits-kind-phone = ເບີໂທລະສັບ
# en: Bank account
hits-kind-bank_account = ບັນຊີທະນາຄານ
# en: Crypto wallet
hits-kind-wallet = ກະເປົາເງິນຄຣິບໂຕ
# en: Online account
hits-kind-online_account = ບັນຊີອອນລາຍ
# en: Device (IMEI)
hits-kind-imei = ອຸປະກອນ (IMEI)
# en: Identity document
hits-kind-identity_document = ເອກະສານຢັ້ງຢືນຕົວຕົນ
# en: Indicator lists of { $agency }
lists-title = ລາຍການຕົວຊີ້ບອກຂອງ { $agency }
# en: Values your agency lists, which the peers the agreements name may check without seeing the lists. Values are stored encrypted and never shown here, only counted.
lists-explain = ຄ່າທີ່ອົງການຂອງທ່ານມີໃນລາຍການ ເຊິ່ງປະເທດຄູ່ຮ່ວມທີ່ຂໍ້ຕົກລົງລະບຸສາມາດກວດໄດ້ໂດຍບໍ່ເຫັນລາຍການ. ຄ່າຖືກເກັບແບບເຂົ້າລະຫັດ ແລະ ບໍ່ສະແດງຢູ່ນີ້, ມີແຕ່ຈຳນວນ.
# en: Epoch { $epoch }, begun { $started }. It ends { $ends }, or sooner when a list changes.
lists-epoch = epoch { $epoch }, ເລີ່ມ { $started }. ສິ້ນສຸດ { $ends }, ຫຼື ໄວກວ່ານັ້ນເມື່ອລາຍການປ່ຽນແປງ.
# en: No list yet.
lists-none = ຍັງບໍ່ມີລາຍການ.
# en: List
lists-col-list = ລາຍການ
# en: Values per kind
lists-col-counts = ຈຳນວນຄ່າຕາມປະເພດ
# en: Last changed
lists-col-updated = ປ່ຽນແປງຫຼ້າສຸດ
# en: Remove the whole list
lists-remove-all = ລຶບທັງລາຍການ
# en: Removing a whole list destroys its key: its values cannot be read again.
lists-remove-all-hint = ການລຶບທັງລາຍການຈະທຳລາຍກະແຈຂອງມັນ: ຄ່າຂອງມັນຈະອ່ານບໍ່ໄດ້ອີກ.
# en: Import values
lists-import-title = ນຳເຂົ້າຄ່າ
# en: List
lists-field-list = ລາຍການ
# en: 1 to 64 lower-case letters, digits, - _ or . (a new name makes a new list).
lists-list-hint = ຕົວອັກສອນລາຕິນໂຕນ້ອຍ, ຕົວເລກ, - _ ຫຼື . 1 ຫາ 64 ຕົວ (ຊື່ໃໝ່ຈະສ້າງລາຍການໃໝ່).
# en: CSV file
lists-field-file = ໄຟລ໌ CSV
# en: One entry per line: value,reference[,added], the date added as YYYY-MM-DD (empty: today). A header line is skipped. A value already listed gets the new reference and date.
lists-file-hint = ແຖວລະໜຶ່ງລາຍການ: value,reference[,added], ວັນທີເພີ່ມເປັນ YYYY-MM-DD (ຫວ່າງ: ມື້ນີ້). ແຖວຫົວຕາຕະລາງຈະຖືກຂ້າມ. ຄ່າທີ່ມີຢູ່ແລ້ວຈະໄດ້ເລກອ້າງອີງ ແລະ ວັນທີໃໝ່.
# en: Import
lists-import = ນຳເຂົ້າ
# en: Remove values
lists-remove-title = ລຶບຄ່າ
# en: Values to remove, one per line
lists-field-values = ຄ່າທີ່ຈະລຶບ, ແຖວລະໜຶ່ງຄ່າ
# en: Remove these values
lists-remove = ລຶບຄ່າເຫຼົ່ານີ້
# en: { $list }: { $added } added or updated, { $removed } removed, { $absent } not on the list. Epoch now: { $epoch }.
lists-changed = { $list }: ເພີ່ມ ຫຼື ປັບປຸງ { $added }, ລຶບ { $removed }, ບໍ່ຢູ່ໃນລາຍການ { $absent }. epoch ປັດຈຸບັນ: { $epoch }.
# en: The entry refused is on line { $line } of the file.
lists-line-refused = ລາຍການທີ່ຖືກປະຕິເສດຢູ່ແຖວທີ { $line } ຂອງໄຟລ໌.
# en: The form did not arrive as this page sends it. Reload the page and try again.
lists-form-refused = ແບບຟອມທີ່ໄດ້ຮັບບໍ່ກົງກັບທີ່ໜ້ານີ້ສົ່ງ. ກະລຸນາໂຫຼດໜ້າຄືນໃໝ່ ແລ້ວລອງອີກຄັ້ງ.
# en: The file is too large: at most { $kib } KiB and { $max } entries. Split it.
lists-csv-too-large = ໄຟລ໌ໃຫຍ່ເກີນໄປ: ບໍ່ເກີນ { $kib } KiB ແລະ { $max } ລາຍການ. ກະລຸນາແບ່ງໄຟລ໌.
# en: The file is not UTF-8 text.
lists-csv-not-text = ໄຟລ໌ບໍ່ແມ່ນຂໍ້ຄວາມ UTF-8.
# en: The file holds no entries.
lists-csv-empty = ໄຟລ໌ບໍ່ມີລາຍການ.
# en: Line { $line } of the file: an entry is value,reference[,added].
lists-csv-fields = ແຖວທີ { $line } ຂອງໄຟລ໌: ແຕ່ລະລາຍການແມ່ນ value,reference[,added].
# en: Line { $line } of the file: a quote out of place. Put a whole field in quotes and double a quote inside it ("").
lists-csv-quote = ແຖວທີ { $line } ຂອງໄຟລ໌: ເຄື່ອງໝາຍວົງຢືມຢູ່ຜິດບ່ອນ. ໃສ່ວົງຢືມອ້ອມທັງຊ່ອງ ແລະ ຂຽນວົງຢືມພາຍໃນສອງເທື່ອ ("").
