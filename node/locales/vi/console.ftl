### status: drafted, not yet reviewed by a native speaker
### language: Vietnamese

# The console's own words. Code lists (categories, purposes,
# reasons, handling codes, indicators, ICCS titles) are in codes.ftl.


## Formats

# Digit grouping of whole numbers.
# en: ,
number-group = { "." }
# A date and time, always UTC. $day and $year are numbers, $month a name
# from month-1 to month-12, $time "HH:MM".
# en: { $day } { $month } { $year }, { $time } UTC
date-time = { $day } { $month }, { $year } { $time } UTC
# en: Jan
month-1 = thg 1
# en: Feb
month-2 = thg 2
# en: Mar
month-3 = thg 3
# en: Apr
month-4 = thg 4
# en: May
month-5 = thg 5
# en: Jun
month-6 = thg 6
# en: Jul
month-7 = thg 7
# en: Aug
month-8 = thg 8
# en: Sep
month-9 = thg 9
# en: Oct
month-10 = thg 10
# en: Nov
month-11 = thg 11
# en: Dec
month-12 = thg 12

## The frame of every page

# en: Liaison console
console-title = Bảng điều khiển Liaison
# en: Node of { $country }
node-of = Nút của { $country }
# en: Signed in as { $user }
signed-in-as = Đã đăng nhập với tên { $user }
# en: Sign out
sign-out = Đăng xuất
# en: Language
language = Ngôn ngữ
# en: not yet reviewed
not-reviewed = chưa được hiệu đính
# en: Skip to content
skip-to-content = Chuyển đến nội dung
# en: Requests
nav-requests = Yêu cầu
# en: New request
nav-new-request = Yêu cầu mới
# en: Inbox
nav-inbox = Hộp đến
# en: Audit log
nav-audit = Nhật ký kiểm toán
# en: Reports
nav-reports = Báo cáo
# en: Peers
nav-peers = Nút đối tác
# en: Users
nav-users = Người dùng
# en: My account
nav-account = Tài khoản của tôi
# en: Shown as sent, in the sender's language ({ $language }); never translated.
free-text-note = Hiển thị nguyên văn như khi gửi, bằng ngôn ngữ của người gửi ({ $language }); không bao giờ được dịch.
# en: Shown as sent; never translated.
free-text-note-unknown = Hiển thị nguyên văn như khi gửi; không bao giờ được dịch.

## Signing in

# en: Sign in
sign-in = Đăng nhập
# en: Sign in to Liaison
sign-in-title = Đăng nhập vào Liaison
# en: Login name
login = Tên đăng nhập
# en: Password
password = Mật khẩu
# en: Sign-in refused: wrong login name or password, or the account is locked or disabled.
sign-in-refused = Đăng nhập bị từ chối: sai tên đăng nhập hoặc mật khẩu, hoặc tài khoản bị khóa hay vô hiệu hóa.
# en: Second factor
second-factor = Yếu tố thứ hai
# en: Code from your authenticator app
second-factor-code = Mã từ ứng dụng xác thực của bạn
# en: The code is wrong or already used.
second-factor-refused = Mã không đúng hoặc đã được sử dụng.
# en: Verify
verify = Xác minh
# en: Your session has ended. Please sign in again.
session-ended = Phiên làm việc của bạn đã kết thúc. Vui lòng đăng nhập lại.
# en: You are signed out.
signed-out = Bạn đã đăng xuất.
# en: Your role ({ $role }) may not open this page.
forbidden = Vai trò của bạn ({ $role }) không được mở trang này.
# en: Not found.
not-found = Không tìm thấy.
# en: This form has expired or did not come from this console. Reload the page and try again.
csrf-refused = Biểu mẫu này đã hết hạn hoặc không đến từ bảng điều khiển này. Vui lòng tải lại trang và thử lại.
# en: Something went wrong
error-title = Đã xảy ra lỗi
# en: Back
back = Quay lại

## My account

# en: My account
account-title = Tài khoản của tôi
# en: Change password
change-password = Đổi mật khẩu
# en: Your password was set by an administrator: choose your own before you go on.
must-change-password = Mật khẩu của bạn do quản trị viên đặt: vui lòng chọn mật khẩu riêng trước khi tiếp tục.
# en: Current password
current-password = Mật khẩu hiện tại
# en: New password
new-password = Mật khẩu mới
# en: At least { $min } characters, not containing your login name.
new-password-rule = Ít nhất { $min } ký tự, không chứa tên đăng nhập của bạn.
# en: Password changed.
password-changed = Đã đổi mật khẩu.
# en: Set up a second factor
enrol-totp = Thiết lập yếu tố thứ hai
# en: Your role must sign in with a second factor: set one up before you go on.
totp-required = Vai trò của bạn phải đăng nhập bằng yếu tố thứ hai: vui lòng thiết lập trước khi tiếp tục.
# en: Enter this key in your authenticator app (time-based, SHA-1, 6 digits, 30 seconds):
totp-secret = Nhập khóa này vào ứng dụng xác thực của bạn (theo thời gian, SHA-1, 6 chữ số, 30 giây):
# en: Or open this link on the phone that has the app:
totp-uri = Hoặc mở liên kết này trên điện thoại có cài ứng dụng:
# en: Second factor set up.
totp-enrolled = Đã thiết lập yếu tố thứ hai.
# en: A second factor is set up for this account.
totp-active = Tài khoản này đã có yếu tố thứ hai.
# en: Language saved.
language-saved = Đã lưu ngôn ngữ.
# en: Save
save = Lưu
# en: Personal API token
api-token = Mã thông báo API cá nhân
# en: For the command line (liaison login): it acts as you. It is shown once.
api-token-explain = Dùng cho dòng lệnh (liaison login): mã này hoạt động với danh nghĩa của bạn. Mã chỉ hiển thị một lần.
# en: Issue a token
api-token-issue = Cấp mã thông báo
# en: Your new token (copy it now; it is not shown again):
api-token-issued = Mã thông báo mới của bạn (hãy sao chép ngay; mã sẽ không hiển thị lại):

## Requests (focal point)

# en: Requests sent by { $country }
requests-title = Yêu cầu do { $country } gửi
# en: No requests yet.
requests-none = Chưa có yêu cầu nào.
# en: { $count -> [one] One open request *[other] { $count } open requests }
open-requests = { $count } yêu cầu đang mở
# en: Request
col-request = Yêu cầu
# en: To
col-to = Gửi đến
# en: Category
col-category = Loại
# en: Status
col-status = Trạng thái
# en: Deadline
col-deadline = Thời hạn
# en: Time left
col-time-left = Thời gian còn lại
# en: Case
col-case = Vụ việc
# en: { $days -> [one] 1 day *[other] { $days } days }
time-left-days = { $days } ngày
# en: { $hours -> [one] 1 hour *[other] { $hours } hours }
time-left-hours = { $hours } giờ
# en: overdue
overdue = quá hạn
# en: New request
new-request-title = Yêu cầu mới
# en: To (country)
field-to = Gửi đến (nước)
# en: Category
field-category = Loại
# en: Purpose
field-purpose = Mục đích
# en: Offences (ICCS)
field-offences = Tội danh (ICCS)
# en: Legal basis
field-legal-basis = Căn cứ pháp lý
# en: Reference of the legal basis (treaty, statute)
field-legal-basis-reference = Dẫn chiếu căn cứ pháp lý (điều ước, luật)
# en: Case reference
field-case-reference = Số tham chiếu vụ việc
# en: Summary
field-summary = Tóm tắt
# en: Language of the summary
field-summary-language = Ngôn ngữ của bản tóm tắt
# en: Answer within (days)
field-deadline-days = Trả lời trong vòng (ngày)
# en: Subject kind
field-subject-kind = Loại đối tượng
# en: Role
field-subject-role = Vai trò
# en: Identifier
field-subject-value = Thông tin nhận dạng
# en: This request concerns a possible victim of trafficking
field-possible-victim = Yêu cầu này liên quan đến người có thể là nạn nhân của mua bán người
# en: Victim indicators
field-indicators = Dấu hiệu nạn nhân
# en: Fields asked for
field-fields = Các trường yêu cầu
# en: National offence (optional)
field-national-offence = Tội danh theo luật quốc gia (không bắt buộc)
# en: Subject { $n }
subject-n = Đối tượng { $n }
# en: Check against the agreements
preview = Kiểm tra theo các thỏa thuận
# en: Send
send = Gửi
# en: Both agreements allow this request: { $detail }
dry-run-allowed = Cả hai thỏa thuận đều cho phép yêu cầu này: { $detail }
# en: Refused by the agreements: { $detail }
dry-run-denied = Bị từ chối theo các thỏa thuận: { $detail }
# en: Request sent.
sent = Đã gửi yêu cầu.
# en: Request { $id }
request-title = Yêu cầu { $id }
# en: Timeline
timeline = Diễn biến
# en: Answer
answer = Trả lời
# en: Receipts
receipts = Biên nhận
# en: Audit log positions
audit-positions = Vị trí trong nhật ký kiểm toán
# en: Withdraw
withdraw = Rút lại
# en: Withdrawn.
withdrawn = Đã rút lại.
# en: No answer yet.
no-answer-yet = Chưa có trả lời.
# en: Released fields
fields-released = Các trường được cung cấp
# en: Withheld by the agreement
fields-redacted = Bị giữ lại theo thỏa thuận
# en: Handling
handling = Điều kiện sử dụng
# en: Kept for { $days } days
retention = Lưu giữ trong { $days } ngày
# en: Refused: { $reason }
refused-because = Bị từ chối: { $reason }

## Inbox (agency)

# en: Requests for { $agency }
inbox-title = Yêu cầu gửi { $agency }
# en: Nothing to answer.
inbox-none = Không có yêu cầu nào cần trả lời.
# en: This request concerns a possible victim of trafficking. Treat the person as a victim: the non-punishment principle applies ({ $provision }).
victim-notice = Yêu cầu này liên quan đến người có thể là nạn nhân của mua bán người. Hãy đối xử với người này như nạn nhân: áp dụng nguyên tắc không trừng phạt ({ $provision }).
# en: Dual criminality: { $indication }
dual-criminality = Tội phạm kép: { $indication }
# en: From { $country }
from-country = Từ { $country }
# en: Answer
answer-title = Trả lời
# en: Refuse
refuse-title = Từ chối
# en: Value
field-value = Giá trị
# en: Reason
field-refusal-reason = Lý do
# en: Note to the requester
field-note = Ghi chú cho bên yêu cầu
# en: Preview what will be released
preview-answer = Xem trước những gì sẽ được cung cấp
# en: Send the answer
answer-send = Gửi trả lời
# en: Refuse the request
refuse-send = Từ chối yêu cầu
# en: Will be released
will-release = Sẽ được cung cấp
# en: Will be withheld (not granted by the agreement)
will-redact = Sẽ bị giữ lại (thỏa thuận không cho phép)
# en: Answer sent.
answered = Đã gửi trả lời.
# en: Refusal sent.
refused = Đã gửi từ chối.

## Audit (auditor)

# en: Audit log
audit-title = Nhật ký kiểm toán
# en: Peer
filter-peer = Nút đối tác
# en: Category
filter-category = Loại
# en: Event
filter-event = Sự kiện
# en: From (date)
filter-from = Từ (ngày)
# en: To (date)
filter-to = Đến (ngày)
# en: Filter
filter = Lọc
# en: #
col-index = #
# en: Time
col-time = Thời gian
# en: Event
col-event = Sự kiện
# en: Who
col-actor = Người thực hiện
# en: Peer
col-peer = Nút đối tác
# en: Detail
col-detail = Chi tiết
# en: Verify this node's log
verify-log = Xác minh nhật ký của nút này
# en: The log verifies: { $entries } entries, tree head signed by this node (key { $key }), every entry in it. Root: { $root }
verify-ok = Nhật ký hợp lệ: { $entries } mục, đầu cây do nút này ký (khóa { $key }), mọi mục đều có trong đó. Gốc: { $root }
# en: The log does NOT verify: { $problem }
verify-failed = Nhật ký KHÔNG hợp lệ: { $problem }
# en: Download the export
export = Tải xuống bản xuất
# en: Reports
reports-title = Báo cáo
# en: Requests per peer
report-per-peer = Yêu cầu theo nút đối tác
# en: Requests per category
report-per-category = Yêu cầu theo loại
# en: Requests per month
report-per-month = Yêu cầu theo tháng
# en: The start of an event name, e.g. request. or policy.
filter-event-hint = Phần đầu của tên sự kiện, ví dụ request. hoặc policy.
# en: Page
filter-before = Trang
# en: { $field }: not a date. Write it as YYYY-MM-DD, e.g. 2026-11-30.
filter-bad-date = { $field }: không phải là ngày. Hãy viết theo dạng YYYY-MM-DD, ví dụ 2026-11-30.
# en: { $field }: not understood. Check it and try again.
filter-bad-value = { $field }: không hiểu được. Hãy kiểm tra và thử lại.
# en: No entries match these filters.
audit-none = Không có mục nào khớp với các bộ lọc này.
# en: Newest first
audit-newest = Mới nhất trước
# en: Older entries
audit-next = Các mục cũ hơn
# en: The same file as "liaison audit export": the signed tree head and every entry with its inclusion proof, for verification offline with "liaison audit verify".
export-explain = Cùng tệp với "liaison audit export": đầu cây đã ký và mọi mục kèm bằng chứng bao hàm (inclusion proof), để xác minh ngoại tuyến bằng "liaison audit verify".
# en: Verification of this node's log
verify-title = Xác minh nhật ký của nút này
# en: Entries checked: { $entries }.
verify-checked = Số mục đã kiểm tra: { $entries }.
# en: New requests (sent or received), from the audit log.
report-explain = Yêu cầu mới (đã gửi hoặc đã nhận), lấy từ nhật ký kiểm toán.
# en: No requests yet.
report-none = Chưa có yêu cầu nào.
# en: { $month } { $year }
report-month = { $month } năm { $year }
# en: Requests
col-count = Số yêu cầu
# en: Month
col-month = Tháng

## Admin

# en: Peers
peers-title = Nút đối tác
# en: Health
col-peer-health = Tình trạng kết nối
# en: Last delivery
col-last-delivery = Lần chuyển gần nhất
# en: Queue
col-queue = Hàng đợi
# en: Compare agreements
compare = So sánh thỏa thuận
# en: No peers are configured.
peers-none = Chưa cấu hình nút đối tác nào.
# en: Country
col-country = Quốc gia
# en: Endpoint
col-endpoint = Điểm kết nối (endpoint)
# en: Agreement in force
col-agreement = Thỏa thuận đang có hiệu lực
# en: OK
health-ok = Bình thường
# en: Alarm: witnessing found a problem
health-alarm = Cảnh báo: việc chứng kiến (witnessing) phát hiện sự cố
# en: Deliveries failing
health-failing = Chuyển không thành công
# en: Not witnessed yet
health-unknown = Chưa được chứng kiến
# en: never
never = chưa bao giờ
# en: version { $version }
agreement-version = phiên bản { $version }
# en: Keys and configuration
keys-config = Khóa và cấu hình
# en: This node's signing key id
own-key-id = Mã khóa ký của nút này
# en: Earlier key ids
previous-key-ids = Các mã khóa trước đây
# en: Configuration file
config-path = Tệp cấu hình
# en: Console over HTTPS
console-tls = Bảng điều khiển qua HTTPS
# en: Local API over TLS
local-tls = API cục bộ qua TLS
# en: on
on = bật
# en: off
off = tắt
# en: none
none = không có
# en: Agreement with { $peer }
agreements-title = Thỏa thuận với { $peer }
# en: Both copies agree.
agreements-same = Hai bản giống nhau.
# en: Differences
agreements-differences = Khác biệt
# en: What differs
col-aspect = Điểm khác biệt
# en: What it means
col-explanation = Ý nghĩa
# en: This node
this-node = Nút này
# en: The peer's copy
peer-side = Bản của nút đối tác
# en: Rule
agreement-rule = Quy tắc
# en: Rule { $n }
agreement-rule-n = Quy tắc { $n }
# en: category
agreement-category = loại
# en: directions
agreement-flows = chiều
# en: purposes
agreement-purposes = mục đích
# en: released fields
agreement-release = các trường được cung cấp
# en: handling
agreement-handling = điều kiện sử dụng
# en: retention (days)
agreement-retention = thời hạn lưu giữ (ngày)
# en: daily limit
agreement-daily-limit = giới hạn mỗi ngày
# en: legal bases
agreement-legal-bases = căn cứ pháp lý
# en: dual criminality required
agreement-dual-criminality = yêu cầu tội phạm kép
# en: absent
absent = không có
# en: differs
differs = khác
# en: Users
users-title = Người dùng
# en: Login
col-login = Tên đăng nhập
# en: Role
col-role = Vai trò
# en: Second factor
col-second-factor = Yếu tố thứ hai
# en: State
col-state = Trạng thái
# en: Add a user
add-user = Thêm người dùng
# en: User { $login } added. One-time password (give it to them; they must change it): { $password }
user-added = Đã thêm người dùng { $login }. Mật khẩu dùng một lần (hãy trao cho họ; họ phải đổi mật khẩu): { $password }
# en: New one-time password for { $login }: { $password }
password-reset = Mật khẩu dùng một lần mới cho { $login }: { $password }
# en: Disable
disable = Vô hiệu hóa
# en: Enable
enable = Kích hoạt
# en: Reset password
reset-password = Đặt lại mật khẩu
# en: Change role
set-role = Đổi vai trò
# en: active
state-active = đang hoạt động
# en: disabled
state-disabled = đã vô hiệu hóa
# en: locked
state-locked = đã khóa
# en: yes
yes = có
# en: no
no = không
# en: Subject
col-subject = Đối tượng
# en: Your decision on dual criminality, if you override the indication
field-dual-decision = Quyết định của bạn về tội phạm kép, nếu bạn không theo dấu hiệu đã nêu
# en: Full name of the possible victim
field-victim-name = Họ tên đầy đủ của người có thể là nạn nhân
# en: Date of birth
field-victim-birth = Ngày sinh
# en: Nationality (country code)
field-victim-nationality = Quốc tịch (mã quốc gia)
# en: Comma-separated field names; empty for every field the agreement accepts.
field-fields-hint = Tên các trường, phân tách bằng dấu phẩy; để trống để yêu cầu mọi trường mà thỏa thuận chấp nhận.
# en: Phone number
text-kind-phone = Số điện thoại
# en: Person (full name)
text-kind-person = Cá nhân (họ tên đầy đủ)
# en: Crypto wallet
text-kind-wallet = Ví tiền mã hóa
# en: Company
text-kind-company = Doanh nghiệp
# en: Bank account (IBAN)
text-kind-iban = Tài khoản ngân hàng (IBAN)
# en: Bank account (number and BIC)
text-kind-bank-account = Tài khoản ngân hàng (số tài khoản và BIC)
# en: Online account
text-kind-online = Tài khoản trực tuyến
# en: Device (IMEI)
text-kind-imei = Thiết bị (IMEI)
# en: Identity document
text-kind-id-document = Giấy tờ tùy thân
# en: Vehicle
text-kind-vehicle = Phương tiện
# en: IP address
text-kind-ip = Địa chỉ IP
# en: Evidence files
evidence-title = Tệp chứng cứ
# en: No file is attached to this request yet.
evidence-none = Chưa có tệp nào được đính kèm vào yêu cầu này.
# en: File
evidence-col-file = Tệp
# en: From
evidence-col-from = Gửi từ
# en: State
evidence-col-state = Trạng thái
# en: Acquired by, when, from what source
evidence-col-acquired = Thu thập bởi ai, khi nào, từ nguồn nào
# en: SHA-256
evidence-col-hash = SHA-256
# en: { $bytes } bytes
evidence-size = { $bytes } byte
# en: Attached here, not yet sent
evidence-state-attached = Đã đính kèm tại đây, chưa gửi
# en: Sending
evidence-state-sending = Đang gửi
# en: Delivered: the receiver verified it and signed a receipt
evidence-state-delivered = Đã chuyển đến: bên nhận đã xác minh và ký biên nhận
# en: Expected: its bytes are on their way
evidence-state-expected = Đang chờ: dữ liệu của tệp đang được chuyển đến
# en: Received and verified against the signed manifest
evidence-state-received = Đã nhận và đã xác minh đối chiếu với bản kê (manifest) đã ký
# en: Erased at the end of the retention period
evidence-state-purged = Đã xóa khi hết thời hạn lưu giữ
# en: Unknown state
evidence-state-unknown = Trạng thái không xác định
# en: Download
evidence-download = Tải xuống
# en: Send the attached files
evidence-send = Gửi các tệp đính kèm
# en: Download the court package
evidence-package = Tải xuống gói hồ sơ cho tòa án
# en: One zip file a court can check offline with "liaison evidence verify": the files, the signed messages and receipts, every custody entry with its proof, the signed tree heads and both countries' keys. Downloading it is recorded in the audit log.
evidence-package-note = Một tệp zip duy nhất mà tòa án có thể kiểm tra ngoại tuyến bằng "liaison evidence verify": các tệp, các thông điệp và biên nhận đã ký, mọi mục trong chuỗi quản lý chứng cứ (chain of custody) kèm bằng chứng bao hàm, các đầu cây đã ký và khóa của cả hai nước. Việc tải xuống gói này được ghi vào nhật ký kiểm toán.
# en: Attach a file
evidence-attach-title = Đính kèm tệp
# en: Source or device it was taken from
evidence-field-source = Nguồn hoặc thiết bị đã lấy tệp này
# en: What it shows
evidence-field-description = Nội dung tệp thể hiện
# en: File
evidence-field-file = Tệp
# en: Files up to { $mib } MiB on this node; the agreement may allow less, and names the media types it accepts. Attached files are sent only when you press "Send the attached files".
evidence-limit = Tệp tối đa { $mib } MiB trên nút này; thỏa thuận có thể cho phép ít hơn và quy định các kiểu nội dung (media type) được chấp nhận. Các tệp đính kèm chỉ được gửi khi bạn nhấn "Gửi các tệp đính kèm".
# en: Attach
evidence-attach = Đính kèm

## Hit/no-hit checks (focal point) and indicator lists (agency)
# en: Hit checks
nav-hits = Kiểm tra trùng khớp
# en: Indicator lists
nav-lists = Danh sách chỉ báo
# en: Hit/no-hit checks
hits-title = Kiểm tra trùng khớp/không trùng khớp
# en: Asks whether a peer's agencies list these values, without the peer learning them. A miss says only "no hit"; a hit names the agency, its list and its reference, for a follow-up request. Every value counts against the agreement's daily quota.
hits-explain = Hỏi xem các cơ quan của nước đối tác có liệt kê những giá trị này không, mà nước đối tác không biết đó là giá trị nào. Không trùng khớp thì chỉ nhận được "không trùng khớp"; trùng khớp thì cho biết cơ quan, danh sách và số tham chiếu, để gửi yêu cầu tiếp theo. Mỗi giá trị được tính vào hạn ngạch hằng ngày của thỏa thuận.
# en: Country to check against
hits-field-peer = Nước cần kiểm tra
# en: No agreement with a peer allows this country hit/no-hit checks: a check will be refused.
hits-no-agreement = Chưa có thỏa thuận nào với nước đối tác cho phép nước này kiểm tra trùng khớp: việc kiểm tra sẽ bị từ chối.
# en: Kind of values
hits-field-kind = Loại giá trị
# en: Values, one per line (at most 1,000)
hits-field-values = Giá trị, mỗi dòng một giá trị (tối đa 1.000)
# en: Phone numbers in E.164 form (+85512345678); bank accounts as an IBAN or BIC/ACCOUNT; wallets by address; online accounts as PLATFORM:handle; IMEIs of 15 digits; identity documents as COUNTRY:NUMBER (VNM:C1234567).
hits-kinds-hint = Số điện thoại theo dạng E.164 (+85512345678); tài khoản ngân hàng dạng IBAN hoặc BIC/ACCOUNT; ví theo địa chỉ; tài khoản trực tuyến dạng PLATFORM:handle; IMEI gồm 15 chữ số; giấy tờ tùy thân dạng COUNTRY:NUMBER (VNM:C1234567).
# en: Check
hits-check = Kiểm tra
# en: Give 1 to 1,000 values, one per line.
hits-values-count = Hãy nhập từ 1 đến 1.000 giá trị, mỗi dòng một giá trị.
# en: Results
hits-results-title = Kết quả
# en: Values checked at { $peer }: { $count }. Hits: { $hits }.
hits-checked = Số giá trị đã kiểm tra tại { $peer }: { $count }. Trùng khớp: { $hits }.
# en: Values { $peer } still allows today: { $left }. The quota resets at { $resets }.
hits-quota = Số giá trị { $peer } còn cho phép hôm nay: { $left }. Hạn ngạch đặt lại lúc { $resets }.
# en: Epoch of { $peer }'s signed set: { $epoch }. Entries in the set for this country: { $entries }.
hits-set = Kỳ (epoch) của tập đã ký của { $peer }: { $epoch }. Số mục trong tập dành cho nước này: { $entries }.
# en: Value
hits-col-value = Giá trị
# en: Result
hits-col-outcome = Kết quả
# en: Agency
hits-col-agency = Cơ quan
# en: List
hits-col-list = Danh sách
# en: Reference
hits-col-reference = Số tham chiếu
# en: Date added
hits-col-added = Ngày thêm
# en: Hit
hits-hit = Trùng khớp
# en: No hit
hits-miss = Không trùng khớp
# en: Follow up
hits-follow-up = Yêu cầu tiếp theo
# en: Follow-up of a hit on { $agency }/{ $list }, reference { $reference }. The request goes to { $peer }; leave the subject empty and the value that hit is filled in.
hits-follow-up-notice = Yêu cầu tiếp theo của một kết quả trùng khớp tại { $agency }/{ $list }, số tham chiếu { $reference }. Yêu cầu được gửi đến { $peer }; để trống đối tượng thì giá trị trùng khớp sẽ được điền vào.
# en: { $agency }/{ $list }, reference { $reference }
hits-listing = { $agency }/{ $list }, số tham chiếu { $reference }
# en: Follows up a hit
request-hit = Tiếp theo một kết quả trùng khớp
# en: The value refused is value { $n }, on line { $line }.
value-refused-line = Giá trị bị từ chối là giá trị thứ { $n }, ở dòng { $line }.
# en: Phone number
hits-kind-phone = Số điện thoại
# en: Bank account
hits-kind-bank_account = Tài khoản ngân hàng
# en: Crypto wallet
hits-kind-wallet = Ví tiền mã hóa
# en: Online account
hits-kind-online_account = Tài khoản trực tuyến
# en: Device (IMEI)
hits-kind-imei = Thiết bị (IMEI)
# en: Identity document
hits-kind-identity_document = Giấy tờ tùy thân
# en: Indicator lists of { $agency }
lists-title = Danh sách chỉ báo của { $agency }
# en: Values your agency lists, which the peers the agreements name may check without seeing the lists. Values are stored encrypted and never shown here, only counted.
lists-explain = Các giá trị cơ quan của bạn liệt kê, mà các nước đối tác được thỏa thuận nêu tên có thể kiểm tra mà không thấy danh sách. Giá trị được lưu dưới dạng mã hóa và không bao giờ hiển thị ở đây, chỉ hiển thị số lượng.
# en: Epoch { $epoch }, begun { $started }. It ends { $ends }, or sooner when a list changes.
lists-epoch = Kỳ (epoch) { $epoch }, bắt đầu { $started }. Kết thúc { $ends }, hoặc sớm hơn khi một danh sách thay đổi.
# en: No list yet.
lists-none = Chưa có danh sách nào.
# en: List
lists-col-list = Danh sách
# en: Values per kind
lists-col-counts = Số giá trị theo loại
# en: Last changed
lists-col-updated = Thay đổi gần nhất
# en: Remove the whole list
lists-remove-all = Xóa toàn bộ danh sách
# en: Removing a whole list destroys its key: its values cannot be read again.
lists-remove-all-hint = Xóa toàn bộ danh sách sẽ hủy khóa của nó: các giá trị của nó không thể đọc lại được nữa.
# en: Import values
lists-import-title = Nhập giá trị
# en: List
lists-field-list = Danh sách
# en: 1 to 64 lower-case letters, digits, - _ or . (a new name makes a new list).
lists-list-hint = 1 đến 64 chữ cái Latinh thường, chữ số, - _ hoặc . (tên mới tạo danh sách mới).
# en: CSV file
lists-field-file = Tệp CSV
# en: One entry per line: value,reference[,added], the date added as YYYY-MM-DD (empty: today). A header line is skipped. A value already listed gets the new reference and date.
lists-file-hint = Mỗi dòng một mục: value,reference[,added], ngày thêm dạng YYYY-MM-DD (để trống: hôm nay). Dòng tiêu đề được bỏ qua. Giá trị đã có trong danh sách sẽ nhận số tham chiếu và ngày mới.
# en: Import
lists-import = Nhập
# en: Remove values
lists-remove-title = Xóa giá trị
# en: Values to remove, one per line
lists-field-values = Các giá trị cần xóa, mỗi dòng một giá trị
# en: Remove these values
lists-remove = Xóa các giá trị này
# en: { $list }: { $added } added or updated, { $removed } removed, { $absent } not on the list. Epoch now: { $epoch }.
lists-changed = { $list }: { $added } được thêm hoặc cập nhật, { $removed } bị xóa, { $absent } không có trong danh sách. Kỳ (epoch) hiện tại: { $epoch }.
# en: The entry refused is on line { $line } of the file.
lists-line-refused = Mục bị từ chối nằm ở dòng { $line } của tệp.
# en: The form did not arrive as this page sends it. Reload the page and try again.
lists-form-refused = Biểu mẫu nhận được không giống biểu mẫu trang này gửi. Vui lòng tải lại trang và thử lại.
# en: The file is too large: at most { $kib } KiB and { $max } entries. Split it.
lists-csv-too-large = Tệp quá lớn: tối đa { $kib } KiB và { $max } mục. Hãy chia nhỏ tệp.
# en: The file is not UTF-8 text.
lists-csv-not-text = Tệp không phải văn bản UTF-8.
# en: The file holds no entries.
lists-csv-empty = Tệp không có mục nào.
# en: Line { $line } of the file: an entry is value,reference[,added].
lists-csv-fields = Dòng { $line } của tệp: mỗi mục là value,reference[,added].
# en: Line { $line } of the file: a quote out of place. Put a whole field in quotes and double a quote inside it ("").
lists-csv-quote = Dòng { $line } của tệp: dấu ngoặc kép đặt sai chỗ. Hãy đặt cả trường trong dấu ngoặc kép và viết đôi dấu ngoặc kép bên trong ("").
