### status: drafted, not yet reviewed by a native speaker
### language: Vietnamese

## Categories: what a request asks the other country to do or check (Category).
## The flags in brackets, e.g. (--person), are the command line's and stay as they are.

# en: Person check
category-PERSON_CHECK = Kiểm tra nhân thân
# en: is this person known to you: identity, record, wanted status (--person)
category-PERSON_CHECK-meaning = người này có được quý cơ quan biết đến không: danh tính, tiền án tiền sự, tình trạng bị truy nã (--person)
# en: Phone check
category-PHONE_CHECK = Kiểm tra số điện thoại
# en: who holds this phone number, and since when (--phone)
category-PHONE_CHECK-meaning = ai là chủ thuê bao số điện thoại này, và từ khi nào (--phone)
# en: Wallet trace
category-WALLET_TRACE = Truy vết ví tiền mã hóa
# en: who is behind this crypto-currency address, where its funds went (--wallet)
category-WALLET_TRACE-meaning = ai đứng sau địa chỉ tiền mã hóa này, và tiền của nó đã chuyển đi đâu (--wallet)
# en: Company check
category-COMPANY_CHECK = Kiểm tra doanh nghiệp
# en: who registered, runs and owns this company (--company)
category-COMPANY_CHECK-meaning = ai đã đăng ký, điều hành và sở hữu doanh nghiệp này (--company)
# en: Victim identification
category-VICTIM_IDENTIFICATION = Xác định nạn nhân
# en: identify a possible victim of trafficking, e.g. a rescued person (--person)
category-VICTIM_IDENTIFICATION-meaning = xác định một người có thể là nạn nhân của mua bán người, ví dụ một người được giải cứu (--person)
# en: Evidence preservation
category-EVIDENCE_PRESERVATION = Bảo quản chứng cứ
# en: preserve records or data until a formal request follows
category-EVIDENCE_PRESERVATION-meaning = bảo quản hồ sơ hoặc dữ liệu cho đến khi có yêu cầu chính thức
# en: Case notification
category-CASE_NOTIFICATION = Thông báo vụ việc
# en: tell the other country of a case that concerns it
category-CASE_NOTIFICATION-meaning = thông báo cho nước kia về một vụ việc có liên quan đến nước đó

## Purposes: why the requesting country needs the information (Purpose).

# en: Investigation
purpose-INVESTIGATION = Điều tra
# en: for a criminal investigation under way
purpose-INVESTIGATION-meaning = phục vụ một cuộc điều tra hình sự đang tiến hành
# en: Prosecution
purpose-PROSECUTION = Truy tố
# en: for a prosecution or trial
purpose-PROSECUTION-meaning = phục vụ việc truy tố hoặc xét xử
# en: Victim assistance
purpose-VICTIM_ASSISTANCE = Hỗ trợ nạn nhân
# en: to protect, assist or bring home a victim
purpose-VICTIM_ASSISTANCE-meaning = để bảo vệ, hỗ trợ hoặc đưa nạn nhân trở về
# en: Intelligence
purpose-INTELLIGENCE = Tình báo
# en: for criminal intelligence, not as evidence
purpose-INTELLIGENCE-meaning = phục vụ công tác tình báo tội phạm, không dùng làm chứng cứ

## Refusal reasons: why an agency declined to answer (RefusalReason).

# en: No competent agency
refusal-NO_COMPETENT_AGENCY = Không có cơ quan có thẩm quyền
# en: no agency of this country handles this category
refusal-NO_COMPETENT_AGENCY-meaning = không có cơ quan nào của nước này xử lý loại yêu cầu này
# en: Insufficient information
refusal-INSUFFICIENT_INFORMATION = Thông tin không đầy đủ
# en: the request lacks what is needed to act on it
refusal-INSUFFICIENT_INFORMATION-meaning = yêu cầu thiếu những thông tin cần thiết để xử lý
# en: No legal basis
refusal-NO_LEGAL_BASIS = Không có căn cứ pháp lý
# en: this country's law gives no basis to act on it
refusal-NO_LEGAL_BASIS-meaning = pháp luật của nước này không có căn cứ để xử lý yêu cầu
# en: Prejudice to proceedings
refusal-PREJUDICE_TO_PROCEEDINGS = Gây phương hại đến tố tụng
# en: answering would prejudice an investigation or proceeding under way
refusal-PREJUDICE_TO_PROCEEDINGS-meaning = việc trả lời sẽ gây phương hại đến một cuộc điều tra hoặc thủ tục tố tụng đang tiến hành
# en: Outside agreement
refusal-OUTSIDE_AGREEMENT = Nằm ngoài thỏa thuận
# en: the request falls outside the sharing agreement
refusal-OUTSIDE_AGREEMENT-meaning = yêu cầu nằm ngoài phạm vi thỏa thuận chia sẻ thông tin
# en: Requires mutual legal assistance
refusal-REQUIRES_MUTUAL_LEGAL_ASSISTANCE = Cần tương trợ tư pháp
# en: it must go through formal mutual legal assistance
refusal-REQUIRES_MUTUAL_LEGAL_ASSISTANCE-meaning = yêu cầu phải được thực hiện qua kênh tương trợ tư pháp chính thức
# en: Deadline passed
refusal-DEADLINE_PASSED = Đã quá hạn
# en: the deadline passed before an answer could be given
refusal-DEADLINE_PASSED-meaning = thời hạn đã qua trước khi có thể trả lời
# en: Other
refusal-OTHER = Lý do khác
# en: another reason, given with --explanation
refusal-OTHER-meaning = một lý do khác, được nêu bằng --explanation

## Handling codes: how the requester may use released data (HandlingCode).

# en: Intelligence only
handling-INTELLIGENCE_ONLY = Chỉ dùng cho tình báo
# en: for intelligence only; not to be produced in court
handling-INTELLIGENCE_ONLY-meaning = chỉ dùng cho mục đích tình báo; không được đưa ra trước tòa
# en: Evidence with consent
handling-EVIDENCE_WITH_CONSENT = Dùng làm chứng cứ khi được đồng ý
# en: usable as evidence once the answering country consents
handling-EVIDENCE_WITH_CONSENT-meaning = có thể dùng làm chứng cứ khi nước trả lời đồng ý
# en: No onward sharing
handling-NO_ONWARD_SHARING = Không chia sẻ tiếp
# en: not to be passed to any third country or agency outside the requester
handling-NO_ONWARD_SHARING-meaning = không được chuyển cho bất kỳ nước thứ ba hoặc cơ quan nào ngoài bên yêu cầu
# en: Victim protected
handling-VICTIM_PROTECTED = Bảo vệ nạn nhân
# en: about a possible victim: no onward transfer, never evidence against that person, the shortest retention
handling-VICTIM_PROTECTED-meaning = liên quan đến người có thể là nạn nhân: không chuyển tiếp, không bao giờ dùng làm chứng cứ chống lại người đó, thời hạn lưu giữ ngắn nhất

## Request statuses: where a request is in its lifecycle (RequestStatus).

# en: Submitted
status-SUBMITTED = Đã gửi lên
# en: accepted by this node, not yet delivered to the peer
status-SUBMITTED-meaning = nút này đã tiếp nhận, chưa chuyển đến nút đối tác
# en: Sent
status-SENT = Đã chuyển
# en: delivered: the peer's receipt is held
status-SENT-meaning = đã chuyển đến: đã có biên nhận của nút đối tác
# en: Received
status-RECEIVED = Đã nhận
# en: received from a peer, not yet routed to an agency
status-RECEIVED-meaning = đã nhận từ nút đối tác, chưa chuyển đến cơ quan nào
# en: Assigned
status-ASSIGNED = Đã phân công
# en: routed to an agency, waiting for its answer
status-ASSIGNED-meaning = đã chuyển đến một cơ quan, đang chờ cơ quan đó trả lời
# en: Answered
status-ANSWERED = Đã trả lời
# en: answered with the fields released (final)
status-ANSWERED-meaning = đã được trả lời với các trường thông tin được cung cấp (kết thúc)
# en: Refused
status-REFUSED = Đã từ chối
# en: refused, with a reason (final)
status-REFUSED-meaning = đã bị từ chối, có nêu lý do (kết thúc)
# en: Withdrawn
status-WITHDRAWN = Đã rút lại
# en: withdrawn by the country that sent it (final)
status-WITHDRAWN-meaning = đã được nước gửi yêu cầu rút lại (kết thúc)
# en: Expired
status-EXPIRED = Hết hạn
# en: its deadline passed without an answer (final)
status-EXPIRED-meaning = đã quá thời hạn mà không có câu trả lời (kết thúc)
# en: Undeliverable
status-UNDELIVERABLE = Không thể chuyển
# en: the peer refused its delivery for good (final)
status-UNDELIVERABLE-meaning = nút đối tác đã từ chối tiếp nhận vĩnh viễn (kết thúc)

## Victim statuses: what a victim-status notification says of its possible victim (VictimStatus).

# en: Confirmed
victim-status-CONFIRMED = Đã xác nhận
# en: the competent authority identified the person as a victim
victim-status-CONFIRMED-meaning = cơ quan có thẩm quyền đã xác định người đó là nạn nhân
# en: Withdrawn
victim-status-WITHDRAWN = Đã rút lại
# en: the indication that the person may be a victim is withdrawn
victim-status-WITHDRAWN-meaning = thông tin cho rằng người đó có thể là nạn nhân đã được rút lại

## Subject kinds: what a subject is (SubjectKind).

# en: Person
subject-kind-PERSON = Cá nhân
# en: Phone
subject-kind-PHONE = Điện thoại
# en: Wallet
subject-kind-WALLET = Ví tiền mã hóa
# en: Company
subject-kind-COMPANY = Doanh nghiệp
# en: Bank account
subject-kind-BANK_ACCOUNT = Tài khoản ngân hàng
# en: Online account
subject-kind-ONLINE_ACCOUNT = Tài khoản trực tuyến
# en: Device
subject-kind-DEVICE = Thiết bị
# en: Identity document
subject-kind-IDENTITY_DOCUMENT = Giấy tờ tùy thân
# en: Vehicle
subject-kind-VEHICLE = Phương tiện
# en: IP address
subject-kind-IP_ADDRESS = Địa chỉ IP

## Subject roles: what part a subject plays in the case, as far as the requester knows (SubjectRole).

# en: Suspect
subject-role-SUSPECT = Nghi phạm
# en: Possible victim
subject-role-POSSIBLE_VICTIM = Người có thể là nạn nhân
# en: Witness
subject-role-WITNESS = Người làm chứng
# en: Unknown
subject-role-UNKNOWN = Chưa rõ

## Identity document types (DocumentType).

# en: Passport
document-type-PASSPORT = Hộ chiếu
# en: National ID
document-type-NATIONAL_ID = Căn cước công dân
# en: Residence permit
document-type-RESIDENCE_PERMIT = Thẻ cư trú
# en: Driving licence
document-type-DRIVING_LICENCE = Giấy phép lái xe
# en: Seafarer book
document-type-SEAFARER_BOOK = Sổ thuyền viên
# en: Other document
document-type-OTHER_DOCUMENT = Giấy tờ khác

## Trafficking indicators (proto/src/victims.rs INDICATORS). The first eleven are the ILO
## Indicators of Forced Labour (ILO, 2012); the last three are Liaison's own.

# en: Abuse of vulnerability
indicator-ABUSE_OF_VULNERABILITY = Lợi dụng tình trạng dễ bị tổn thương
# en: One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-ABUSE_OF_VULNERABILITY-meaning = Một trong mười một chỉ số lao động cưỡng bức của ILO (ILO, 2012)
# en: Deception
indicator-DECEPTION = Lừa dối
# en: One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-DECEPTION-meaning = Một trong mười một chỉ số lao động cưỡng bức của ILO (ILO, 2012)
# en: Restriction of movement
indicator-RESTRICTION_OF_MOVEMENT = Hạn chế đi lại
# en: One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-RESTRICTION_OF_MOVEMENT-meaning = Một trong mười một chỉ số lao động cưỡng bức của ILO (ILO, 2012)
# en: Isolation
indicator-ISOLATION = Cô lập
# en: One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-ISOLATION-meaning = Một trong mười một chỉ số lao động cưỡng bức của ILO (ILO, 2012)
# en: Physical and sexual violence
indicator-PHYSICAL_AND_SEXUAL_VIOLENCE = Bạo lực thể chất và tình dục
# en: One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-PHYSICAL_AND_SEXUAL_VIOLENCE-meaning = Một trong mười một chỉ số lao động cưỡng bức của ILO (ILO, 2012)
# en: Intimidation and threats
indicator-INTIMIDATION_AND_THREATS = Uy hiếp và đe dọa
# en: One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-INTIMIDATION_AND_THREATS-meaning = Một trong mười một chỉ số lao động cưỡng bức của ILO (ILO, 2012)
# en: Retention of identity documents
indicator-RETENTION_OF_IDENTITY_DOCUMENTS = Giữ giấy tờ tùy thân
# en: One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-RETENTION_OF_IDENTITY_DOCUMENTS-meaning = Một trong mười một chỉ số lao động cưỡng bức của ILO (ILO, 2012)
# en: Withholding of wages
indicator-WITHHOLDING_OF_WAGES = Giữ lương
# en: One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-WITHHOLDING_OF_WAGES-meaning = Một trong mười một chỉ số lao động cưỡng bức của ILO (ILO, 2012)
# en: Debt bondage
indicator-DEBT_BONDAGE = Gán nợ
# en: One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-DEBT_BONDAGE-meaning = Một trong mười một chỉ số lao động cưỡng bức của ILO (ILO, 2012)
# en: Abusive working and living conditions
indicator-ABUSIVE_WORKING_AND_LIVING_CONDITIONS = Điều kiện làm việc và sinh hoạt ngược đãi
# en: One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-ABUSIVE_WORKING_AND_LIVING_CONDITIONS-meaning = Một trong mười một chỉ số lao động cưỡng bức của ILO (ILO, 2012)
# en: Excessive overtime
indicator-EXCESSIVE_OVERTIME = Làm thêm giờ quá mức
# en: One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-EXCESSIVE_OVERTIME-meaning = Một trong mười một chỉ số lao động cưỡng bức của ILO (ILO, 2012)
# en: Forced to commit online fraud (scams) under threat (Liaison's own indicator)
indicator-FORCED_ONLINE_FRAUD = Bị ép buộc thực hiện lừa đảo trực tuyến dưới sự đe dọa (chỉ số riêng của Liaison)
# en: Liaison's own indicator, not from a standard: a sign of forced criminality reported from scam compounds
indicator-FORCED_ONLINE_FRAUD-meaning = Chỉ số riêng của Liaison, không theo một tiêu chuẩn nào: dấu hiệu bị cưỡng bức phạm tội được báo cáo từ các khu lừa đảo trực tuyến (scam compound)
# en: Fraud quotas enforced with punishment (Liaison's own indicator)
indicator-QUOTAS_WITH_PUNISHMENT = Chỉ tiêu lừa đảo bị áp đặt kèm trừng phạt (chỉ số riêng của Liaison)
# en: Liaison's own indicator, not from a standard: a sign of forced criminality reported from scam compounds
indicator-QUOTAS_WITH_PUNISHMENT-meaning = Chỉ số riêng của Liaison, không theo một tiêu chuẩn nào: dấu hiệu bị cưỡng bức phạm tội được báo cáo từ các khu lừa đảo trực tuyến (scam compound)
# en: Sold or transferred between compounds (Liaison's own indicator)
indicator-SOLD_BETWEEN_COMPOUNDS = Bị bán hoặc chuyển giữa các khu lừa đảo (chỉ số riêng của Liaison)
# en: Liaison's own indicator, not from a standard: a sign of forced criminality reported from scam compounds
indicator-SOLD_BETWEEN_COMPOUNDS-meaning = Chỉ số riêng của Liaison, không theo một tiêu chuẩn nào: dấu hiệu bị cưỡng bức phạm tội được báo cáo từ các khu lừa đảo trực tuyến (scam compound)

## Legal bases a request is made under (proto/src/legal.rs LEGAL_BASES): a short name,
## and the title as the meaning. ACTIP, UNTOC and MLAT stay untranslated.

# en: UNTOC art. 18
legal-UNTOC_ART_18 = UNTOC Điều 18
# en: UN Convention against Transnational Organized Crime, art. 18 (mutual legal assistance)
legal-UNTOC_ART_18-meaning = Công ước của Liên hợp quốc về chống tội phạm có tổ chức xuyên quốc gia, Điều 18 (tương trợ tư pháp)
# en: UNTOC art. 27
legal-UNTOC_ART_27 = UNTOC Điều 27
# en: UN Convention against Transnational Organized Crime, art. 27 (law enforcement cooperation)
legal-UNTOC_ART_27-meaning = Công ước của Liên hợp quốc về chống tội phạm có tổ chức xuyên quốc gia, Điều 27 (hợp tác thực thi pháp luật)
# en: UN Trafficking Protocol
legal-UN_TIP_PROTOCOL = Nghị định thư của Liên hợp quốc về mua bán người
# en: UN Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children
legal-UN_TIP_PROTOCOL-meaning = Nghị định thư của Liên hợp quốc về phòng ngừa, trấn áp và trừng trị mua bán người, đặc biệt là phụ nữ và trẻ em
# en: ACTIP
legal-ACTIP = ACTIP
# en: ASEAN Convention against Trafficking in Persons, Especially Women and Children
legal-ACTIP-meaning = Công ước ASEAN về phòng, chống mua bán người, đặc biệt là phụ nữ và trẻ em
# en: ASEAN MLAT
legal-ASEAN_MLAT = ASEAN MLAT
# en: ASEAN Treaty on Mutual Legal Assistance in Criminal Matters
legal-ASEAN_MLAT-meaning = Hiệp định ASEAN về tương trợ tư pháp trong lĩnh vực hình sự
# en: Budapest Convention art. 29
legal-BUDAPEST_ART_29 = Công ước Budapest Điều 29
# en: Convention on Cybercrime (Budapest), art. 29 (expedited preservation of stored computer data)
legal-BUDAPEST_ART_29-meaning = Công ước về tội phạm mạng (Budapest), Điều 29 (bảo quản khẩn cấp dữ liệu máy tính được lưu trữ)
# en: Budapest Convention art. 35
legal-BUDAPEST_ART_35 = Công ước Budapest Điều 35
# en: Convention on Cybercrime (Budapest), art. 35 (24/7 network)
legal-BUDAPEST_ART_35-meaning = Công ước về tội phạm mạng (Budapest), Điều 35 (mạng lưới 24/7)
# en: Bilateral agreement
legal-BILATERAL = Thỏa thuận song phương
# en: A bilateral agreement between the two countries (named in the reference)
legal-BILATERAL-meaning = Một thỏa thuận song phương giữa hai nước (nêu trong phần tham chiếu)
# en: Police-to-police cooperation
legal-POLICE_COOPERATION = Hợp tác giữa cảnh sát hai nước
# en: Police-to-police cooperation
legal-POLICE_COOPERATION-meaning = Hợp tác giữa cảnh sát hai nước
# en: Reciprocity
legal-RECIPROCITY = Có đi có lại
# en: Reciprocity
legal-RECIPROCITY-meaning = Nguyên tắc có đi có lại

## Non-punishment provisions a request about a possible victim cites
## (proto/src/legal.rs NON_PUNISHMENT).

# en: ACTIP art. 14(7): consider not holding victims of trafficking criminally or administratively liable for unlawful acts directly related to their trafficking
non-punishment-ACTIP_ART_14_7 = ACTIP Điều 14(7): xem xét không truy cứu trách nhiệm hình sự hoặc hành chính đối với nạn nhân của mua bán người về những hành vi trái pháp luật liên quan trực tiếp đến việc họ bị mua bán
# en: The requesting country's own non-punishment provision (named in the reference)
non-punishment-NATIONAL_LAW = Quy định về không trừng phạt nạn nhân trong pháp luật của chính nước yêu cầu (nêu trong phần tham chiếu)

## UNODC ICCS offence codes and titles (proto/data/iccs.tsv: ICCS version 1.0, UNODC 2015,
## a sourced subset). UNODC publishes no official ICCS titles in these languages, so
## translations of them are descriptive.

# en: Acts leading to death or intending to cause death
iccs-01 = Hành vi dẫn đến chết người hoặc nhằm gây ra cái chết
# en: Intentional homicide
iccs-0101 = Giết người có chủ ý
# en: Attempted intentional homicide
iccs-0102 = Giết người có chủ ý chưa đạt
# en: Non-intentional homicide
iccs-0103 = Làm chết người không có chủ ý
# en: Assisting or instigating suicide
iccs-0104 = Giúp sức hoặc xúi giục người khác tự sát
# en: Euthanasia
iccs-0105 = An tử
# en: Unlawful killing associated with armed conflict
iccs-0107 = Giết người trái pháp luật liên quan đến xung đột vũ trang
# en: Other acts leading to death or intending to cause death
iccs-0109 = Các hành vi khác dẫn đến chết người hoặc nhằm gây ra cái chết
# en: Acts causing harm or intending to cause harm to the person
iccs-02 = Hành vi gây tổn hại hoặc nhằm gây tổn hại cho con người
# en: Assaults and threats
iccs-0201 = Hành hung và đe dọa
# en: Assault
iccs-02011 = Hành hung
# en: Serious assault
iccs-020111 = Hành hung nghiêm trọng
# en: Acts against liberty
iccs-0202 = Hành vi xâm phạm tự do
# en: Deprivation of liberty
iccs-02022 = Tước đoạt tự do
# en: Kidnapping
iccs-020221 = Bắt cóc
# en: Slavery and exploitation
iccs-0203 = Nô lệ và bóc lột
# en: Forced labour for domestic services
iccs-020321 = Cưỡng bức lao động giúp việc gia đình
# en: Trafficking in persons
iccs-0204 = Mua bán người
# en: Trafficking in persons for sexual exploitation
iccs-02041 = Mua bán người nhằm mục đích bóc lột tình dục
# en: Trafficking in persons for forced labour or services
iccs-02042 = Mua bán người nhằm mục đích cưỡng bức lao động hoặc dịch vụ
# en: Coercion
iccs-0205 = Cưỡng ép
# en: Negligence
iccs-0206 = Cẩu thả
# en: Dangerous acts
iccs-0207 = Hành vi nguy hiểm
# en: Acts intended to induce fear or emotional distress
iccs-0208 = Hành vi nhằm gây sợ hãi hoặc tổn thương tinh thần
# en: Defamation or insult
iccs-0209 = Vu khống hoặc xúc phạm
# en: Discrimination
iccs-0210 = Phân biệt đối xử
# en: Acts that trespass against the person
iccs-0211 = Hành vi xâm phạm đến con người
# en: Other acts causing harm or intending to cause harm to the person
iccs-0219 = Các hành vi khác gây tổn hại hoặc nhằm gây tổn hại cho con người
# en: Injurious acts of a sexual nature
iccs-03 = Hành vi gây tổn hại có tính chất tình dục
# en: Sexual violence
iccs-0301 = Bạo lực tình dục
# en: Rape
iccs-03011 = Hiếp dâm
# en: Sexual assault
iccs-03012 = Tấn công tình dục
# en: Other acts of sexual violence
iccs-03019 = Các hành vi bạo lực tình dục khác
# en: Sexual exploitation
iccs-0302 = Bóc lột tình dục
# en: Sexual exploitation of children
iccs-03022 = Bóc lột tình dục trẻ em
# en: Child pornography
iccs-030221 = Nội dung khiêu dâm trẻ em
# en: Acts against property involving violence or threat against a person
iccs-04 = Hành vi xâm phạm tài sản có sử dụng bạo lực hoặc đe dọa đối với con người
# en: Robbery
iccs-0401 = Cướp tài sản
# en: Acts against property only
iccs-05 = Hành vi chỉ xâm phạm tài sản
# en: Burglary
iccs-0501 = Đột nhập trộm cắp
# en: Burglary of private residential premises
iccs-05012 = Đột nhập trộm cắp tại nhà ở tư nhân
# en: Theft
iccs-0502 = Trộm cắp tài sản
# en: Theft of a motorized vehicle or parts thereof
iccs-05021 = Trộm cắp phương tiện cơ giới hoặc bộ phận của phương tiện
# en: Theft of a motorized land vehicle
iccs-050211 = Trộm cắp phương tiện cơ giới đường bộ
# en: Acts involving controlled drugs or other psychoactive substances
iccs-06 = Hành vi liên quan đến ma túy bị kiểm soát hoặc các chất hướng thần khác
# en: Unlawful acts involving controlled drugs or precursors
iccs-0601 = Hành vi trái pháp luật liên quan đến ma túy bị kiểm soát hoặc tiền chất
# en: Acts involving fraud, deception or corruption
iccs-07 = Hành vi gian lận, lừa dối hoặc tham nhũng
# en: Fraud
iccs-0701 = Lừa đảo
# en: Corruption
iccs-0703 = Tham nhũng
# en: Bribery
iccs-07031 = Hối lộ
# en: Money laundering
iccs-07041 = Rửa tiền
# en: Acts against public order, authority and provisions of the State
iccs-08 = Hành vi xâm phạm trật tự công cộng, quyền lực và các quy định của Nhà nước
# en: Smuggling of migrants offences
iccs-08051 = Tội phạm đưa người di cư trái phép
# en: Acts against public safety and state security
iccs-09 = Hành vi xâm phạm an toàn công cộng và an ninh quốc gia
# en: Acts against computer systems
iccs-0903 = Hành vi xâm phạm hệ thống máy tính
# en: Unlawful access to a computer system
iccs-09031 = Truy cập trái phép vào hệ thống máy tính
# en: Participation in an organized criminal group
iccs-09051 = Tham gia nhóm tội phạm có tổ chức
# en: Acts against the natural environment
iccs-10 = Hành vi xâm phạm môi trường tự nhiên
# en: Acts that cause environmental pollution or degradation
iccs-1001 = Hành vi gây ô nhiễm hoặc suy thoái môi trường
# en: Acts involving the movement or dumping of waste
iccs-1002 = Hành vi liên quan đến vận chuyển hoặc đổ thải chất thải
# en: Trade or possession of protected or prohibited species of fauna and flora
iccs-1003 = Buôn bán hoặc tàng trữ các loài động vật, thực vật được bảo vệ hoặc bị cấm
# en: Acts that result in the depletion or degradation of natural resources
iccs-1004 = Hành vi dẫn đến cạn kiệt hoặc suy thoái tài nguyên thiên nhiên
# en: Other criminal acts not elsewhere classified
iccs-11 = Các hành vi phạm tội khác chưa được phân loại ở nơi khác
