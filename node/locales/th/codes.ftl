### status: drafted, not yet reviewed by a native speaker
### language: Thai

## Categories: what a request asks the other country to do or check (Category).
## The flags in brackets, e.g. (--person), are the command line's and stay as they are.

# en: Person check
category-PERSON_CHECK = ตรวจสอบบุคคล
# en: is this person known to you: identity, record, wanted status (--person)
category-PERSON_CHECK-meaning = ท่านรู้จักบุคคลนี้หรือไม่: ตัวตน ประวัติ สถานะการถูกออกหมายจับ (--person)
# en: Phone check
category-PHONE_CHECK = ตรวจสอบหมายเลขโทรศัพท์
# en: who holds this phone number, and since when (--phone)
category-PHONE_CHECK-meaning = ผู้ใดเป็นผู้ถือหมายเลขโทรศัพท์นี้ และตั้งแต่เมื่อใด (--phone)
# en: Wallet trace
category-WALLET_TRACE = ติดตามกระเป๋าเงินคริปโต
# en: who is behind this crypto-currency address, where its funds went (--wallet)
category-WALLET_TRACE-meaning = ผู้ใดอยู่เบื้องหลังที่อยู่สกุลเงินคริปโตนี้ และเงินทุนถูกโอนไปที่ใด (--wallet)
# en: Company check
category-COMPANY_CHECK = ตรวจสอบบริษัท
# en: who registered, runs and owns this company (--company)
category-COMPANY_CHECK-meaning = ผู้ใดจดทะเบียน บริหาร และเป็นเจ้าของบริษัทนี้ (--company)
# en: Victim identification
category-VICTIM_IDENTIFICATION = คัดแยกผู้เสียหาย
# en: identify a possible victim of trafficking, e.g. a rescued person (--person)
category-VICTIM_IDENTIFICATION-meaning = คัดแยกผู้ที่อาจเป็นผู้เสียหายจากการค้ามนุษย์ เช่น บุคคลที่ได้รับการช่วยเหลือ (--person)
# en: Evidence preservation
category-EVIDENCE_PRESERVATION = เก็บรักษาพยานหลักฐาน
# en: preserve records or data until a formal request follows
category-EVIDENCE_PRESERVATION-meaning = เก็บรักษาบันทึกหรือข้อมูลไว้จนกว่าจะมีคำขออย่างเป็นทางการตามมา
# en: Case notification
category-CASE_NOTIFICATION = แจ้งคดี
# en: tell the other country of a case that concerns it
category-CASE_NOTIFICATION-meaning = แจ้งให้อีกประเทศหนึ่งทราบถึงคดีที่เกี่ยวข้องกับประเทศนั้น

## Purposes: why the requesting country needs the information (Purpose).

# en: Investigation
purpose-INVESTIGATION = การสืบสวนสอบสวน
# en: for a criminal investigation under way
purpose-INVESTIGATION-meaning = เพื่อการสืบสวนสอบสวนคดีอาญาที่กำลังดำเนินอยู่
# en: Prosecution
purpose-PROSECUTION = การฟ้องร้องดำเนินคดี
# en: for a prosecution or trial
purpose-PROSECUTION-meaning = เพื่อการฟ้องร้องดำเนินคดีหรือการพิจารณาคดี
# en: Victim assistance
purpose-VICTIM_ASSISTANCE = การช่วยเหลือผู้เสียหาย
# en: to protect, assist or bring home a victim
purpose-VICTIM_ASSISTANCE-meaning = เพื่อคุ้มครอง ช่วยเหลือ หรือส่งผู้เสียหายกลับภูมิลำเนา
# en: Intelligence
purpose-INTELLIGENCE = ข่าวกรอง
# en: for criminal intelligence, not as evidence
purpose-INTELLIGENCE-meaning = เพื่อเป็นข่าวกรองทางอาญา ไม่ใช่เพื่อใช้เป็นพยานหลักฐาน

## Refusal reasons: why an agency declined to answer (RefusalReason).

# en: No competent agency
refusal-NO_COMPETENT_AGENCY = ไม่มีหน่วยงานที่มีอำนาจ
# en: no agency of this country handles this category
refusal-NO_COMPETENT_AGENCY-meaning = ไม่มีหน่วยงานใดของประเทศนี้ที่รับผิดชอบคำขอประเภทนี้
# en: Insufficient information
refusal-INSUFFICIENT_INFORMATION = ข้อมูลไม่เพียงพอ
# en: the request lacks what is needed to act on it
refusal-INSUFFICIENT_INFORMATION-meaning = คำขอขาดข้อมูลที่จำเป็นต่อการดำเนินการ
# en: No legal basis
refusal-NO_LEGAL_BASIS = ไม่มีฐานทางกฎหมาย
# en: this country's law gives no basis to act on it
refusal-NO_LEGAL_BASIS-meaning = กฎหมายของประเทศนี้ไม่มีฐานให้ดำเนินการตามคำขอนี้
# en: Prejudice to proceedings
refusal-PREJUDICE_TO_PROCEEDINGS = กระทบต่อกระบวนการทางคดี
# en: answering would prejudice an investigation or proceeding under way
refusal-PREJUDICE_TO_PROCEEDINGS-meaning = การตอบคำขอจะกระทบต่อการสืบสวนสอบสวนหรือกระบวนการทางคดีที่กำลังดำเนินอยู่
# en: Outside agreement
refusal-OUTSIDE_AGREEMENT = อยู่นอกข้อตกลง
# en: the request falls outside the sharing agreement
refusal-OUTSIDE_AGREEMENT-meaning = คำขออยู่นอกขอบเขตของข้อตกลงการแบ่งปันข้อมูล
# en: Requires mutual legal assistance
refusal-REQUIRES_MUTUAL_LEGAL_ASSISTANCE = ต้องใช้ความช่วยเหลือซึ่งกันและกันทางกฎหมาย
# en: it must go through formal mutual legal assistance
refusal-REQUIRES_MUTUAL_LEGAL_ASSISTANCE-meaning = ต้องดำเนินการผ่านความช่วยเหลือซึ่งกันและกันทางกฎหมายอย่างเป็นทางการ
# en: Deadline passed
refusal-DEADLINE_PASSED = เลยกำหนดเวลา
# en: the deadline passed before an answer could be given
refusal-DEADLINE_PASSED-meaning = พ้นกำหนดเวลาก่อนที่จะให้คำตอบได้
# en: Other
refusal-OTHER = อื่น ๆ
# en: another reason, given with --explanation
refusal-OTHER-meaning = เหตุผลอื่น ซึ่งระบุด้วย --explanation

## Handling codes: how the requester may use released data (HandlingCode).

# en: Intelligence only
handling-INTELLIGENCE_ONLY = ใช้เป็นข่าวกรองเท่านั้น
# en: for intelligence only; not to be produced in court
handling-INTELLIGENCE_ONLY-meaning = ใช้เป็นข่าวกรองเท่านั้น ห้ามนำเสนอต่อศาล
# en: Evidence with consent
handling-EVIDENCE_WITH_CONSENT = ใช้เป็นพยานหลักฐานได้เมื่อได้รับความยินยอม
# en: usable as evidence once the answering country consents
handling-EVIDENCE_WITH_CONSENT-meaning = ใช้เป็นพยานหลักฐานได้เมื่อประเทศผู้ตอบให้ความยินยอม
# en: No onward sharing
handling-NO_ONWARD_SHARING = ห้ามส่งต่อ
# en: not to be passed to any third country or agency outside the requester
handling-NO_ONWARD_SHARING-meaning = ห้ามส่งต่อให้ประเทศที่สามหรือหน่วยงานใดนอกเหนือจากผู้ร้องขอ
# en: Victim protected
handling-VICTIM_PROTECTED = คุ้มครองผู้เสียหาย
# en: about a possible victim: no onward transfer, never evidence against that person, the shortest retention
handling-VICTIM_PROTECTED-meaning = เกี่ยวกับผู้ที่อาจเป็นผู้เสียหาย: ห้ามส่งต่อ ห้ามใช้เป็นพยานหลักฐานต่อบุคคลนั้นโดยเด็ดขาด และเก็บรักษาไว้ในระยะเวลาสั้นที่สุด

## Request statuses: where a request is in its lifecycle (RequestStatus).

# en: Submitted
status-SUBMITTED = ยื่นแล้ว
# en: accepted by this node, not yet delivered to the peer
status-SUBMITTED-meaning = โหนดนี้รับคำขอแล้ว ยังไม่ได้ส่งถึงโหนดของอีกฝ่าย
# en: Sent
status-SENT = ส่งแล้ว
# en: delivered: the peer's receipt is held
status-SENT-meaning = ส่งถึงแล้ว: มีใบตอบรับของอีกฝ่ายเก็บไว้
# en: Received
status-RECEIVED = ได้รับแล้ว
# en: received from a peer, not yet routed to an agency
status-RECEIVED-meaning = ได้รับจากอีกฝ่ายแล้ว ยังไม่ได้ส่งต่อให้หน่วยงาน
# en: Assigned
status-ASSIGNED = มอบหมายแล้ว
# en: routed to an agency, waiting for its answer
status-ASSIGNED-meaning = ส่งต่อให้หน่วยงานแล้ว รอคำตอบจากหน่วยงานนั้น
# en: Answered
status-ANSWERED = ตอบแล้ว
# en: answered with the fields released (final)
status-ANSWERED-meaning = ตอบแล้ว พร้อมข้อมูลที่เปิดเผย (สิ้นสุด)
# en: Refused
status-REFUSED = ปฏิเสธ
# en: refused, with a reason (final)
status-REFUSED-meaning = ปฏิเสธ พร้อมเหตุผล (สิ้นสุด)
# en: Withdrawn
status-WITHDRAWN = ถอนแล้ว
# en: withdrawn by the country that sent it (final)
status-WITHDRAWN-meaning = ถอนโดยประเทศที่ส่งคำขอ (สิ้นสุด)
# en: Expired
status-EXPIRED = หมดเวลา
# en: its deadline passed without an answer (final)
status-EXPIRED-meaning = พ้นกำหนดเวลาโดยไม่มีคำตอบ (สิ้นสุด)
# en: Undeliverable
status-UNDELIVERABLE = ส่งไม่ได้
# en: the peer refused its delivery for good (final)
status-UNDELIVERABLE-meaning = อีกฝ่ายปฏิเสธการรับคำขออย่างถาวร (สิ้นสุด)

## Victim statuses: what a victim-status notification says of its possible victim (VictimStatus).

# en: Confirmed
victim-status-CONFIRMED = ยืนยันแล้ว
# en: the competent authority identified the person as a victim
victim-status-CONFIRMED-meaning = หน่วยงานที่มีอำนาจระบุว่าบุคคลนั้นเป็นผู้เสียหาย
# en: Withdrawn
victim-status-WITHDRAWN = ถอนแล้ว
# en: the indication that the person may be a victim is withdrawn
victim-status-WITHDRAWN-meaning = ข้อบ่งชี้ว่าบุคคลนั้นอาจเป็นผู้เสียหายถูกถอนแล้ว

## Subject kinds: what a subject is (SubjectKind).

# en: Person
subject-kind-PERSON = บุคคล
# en: Phone
subject-kind-PHONE = โทรศัพท์
# en: Wallet
subject-kind-WALLET = กระเป๋าเงินคริปโต
# en: Company
subject-kind-COMPANY = บริษัท
# en: Bank account
subject-kind-BANK_ACCOUNT = บัญชีธนาคาร
# en: Online account
subject-kind-ONLINE_ACCOUNT = บัญชีออนไลน์
# en: Device
subject-kind-DEVICE = อุปกรณ์
# en: Identity document
subject-kind-IDENTITY_DOCUMENT = เอกสารแสดงตน
# en: Vehicle
subject-kind-VEHICLE = ยานพาหนะ
# en: IP address
subject-kind-IP_ADDRESS = ที่อยู่ IP

## Subject roles: what part a subject plays in the case, as far as the requester knows (SubjectRole).

# en: Suspect
subject-role-SUSPECT = ผู้ต้องสงสัย
# en: Possible victim
subject-role-POSSIBLE_VICTIM = ผู้ที่อาจเป็นผู้เสียหาย
# en: Witness
subject-role-WITNESS = พยาน
# en: Unknown
subject-role-UNKNOWN = ไม่ทราบ

## Identity document types (DocumentType).

# en: Passport
document-type-PASSPORT = หนังสือเดินทาง
# en: National ID
document-type-NATIONAL_ID = บัตรประจำตัวประชาชน
# en: Residence permit
document-type-RESIDENCE_PERMIT = ใบอนุญาตให้พำนัก
# en: Driving licence
document-type-DRIVING_LICENCE = ใบอนุญาตขับขี่
# en: Seafarer book
document-type-SEAFARER_BOOK = หนังสือคนประจำเรือ
# en: Other document
document-type-OTHER_DOCUMENT = เอกสารอื่น

## Trafficking indicators (proto/src/victims.rs INDICATORS). The first eleven are the ILO
## Indicators of Forced Labour (ILO, 2012); the last three are Liaison's own.

# en: Abuse of vulnerability
indicator-ABUSE_OF_VULNERABILITY = การฉวยประโยชน์จากความเปราะบาง
# en: One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-ABUSE_OF_VULNERABILITY-meaning = หนึ่งในตัวชี้วัดการใช้แรงงานบังคับ 11 ประการขององค์การแรงงานระหว่างประเทศ (ILO, 2012)
# en: Deception
indicator-DECEPTION = การหลอกลวง
# en: One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-DECEPTION-meaning = หนึ่งในตัวชี้วัดการใช้แรงงานบังคับ 11 ประการขององค์การแรงงานระหว่างประเทศ (ILO, 2012)
# en: Restriction of movement
indicator-RESTRICTION_OF_MOVEMENT = การจำกัดเสรีภาพในการเคลื่อนไหว
# en: One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-RESTRICTION_OF_MOVEMENT-meaning = หนึ่งในตัวชี้วัดการใช้แรงงานบังคับ 11 ประการขององค์การแรงงานระหว่างประเทศ (ILO, 2012)
# en: Isolation
indicator-ISOLATION = การตัดขาดจากสังคมภายนอก
# en: One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-ISOLATION-meaning = หนึ่งในตัวชี้วัดการใช้แรงงานบังคับ 11 ประการขององค์การแรงงานระหว่างประเทศ (ILO, 2012)
# en: Physical and sexual violence
indicator-PHYSICAL_AND_SEXUAL_VIOLENCE = ความรุนแรงทางร่างกายและทางเพศ
# en: One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-PHYSICAL_AND_SEXUAL_VIOLENCE-meaning = หนึ่งในตัวชี้วัดการใช้แรงงานบังคับ 11 ประการขององค์การแรงงานระหว่างประเทศ (ILO, 2012)
# en: Intimidation and threats
indicator-INTIMIDATION_AND_THREATS = การข่มขู่และการคุกคาม
# en: One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-INTIMIDATION_AND_THREATS-meaning = หนึ่งในตัวชี้วัดการใช้แรงงานบังคับ 11 ประการขององค์การแรงงานระหว่างประเทศ (ILO, 2012)
# en: Retention of identity documents
indicator-RETENTION_OF_IDENTITY_DOCUMENTS = การยึดเอกสารแสดงตน
# en: One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-RETENTION_OF_IDENTITY_DOCUMENTS-meaning = หนึ่งในตัวชี้วัดการใช้แรงงานบังคับ 11 ประการขององค์การแรงงานระหว่างประเทศ (ILO, 2012)
# en: Withholding of wages
indicator-WITHHOLDING_OF_WAGES = การหน่วงเหนี่ยวค่าจ้าง
# en: One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-WITHHOLDING_OF_WAGES-meaning = หนึ่งในตัวชี้วัดการใช้แรงงานบังคับ 11 ประการขององค์การแรงงานระหว่างประเทศ (ILO, 2012)
# en: Debt bondage
indicator-DEBT_BONDAGE = การใช้แรงงานขัดหนี้
# en: One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-DEBT_BONDAGE-meaning = หนึ่งในตัวชี้วัดการใช้แรงงานบังคับ 11 ประการขององค์การแรงงานระหว่างประเทศ (ILO, 2012)
# en: Abusive working and living conditions
indicator-ABUSIVE_WORKING_AND_LIVING_CONDITIONS = สภาพการทำงานและการดำรงชีวิตที่ละเมิดสิทธิ
# en: One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-ABUSIVE_WORKING_AND_LIVING_CONDITIONS-meaning = หนึ่งในตัวชี้วัดการใช้แรงงานบังคับ 11 ประการขององค์การแรงงานระหว่างประเทศ (ILO, 2012)
# en: Excessive overtime
indicator-EXCESSIVE_OVERTIME = การทำงานล่วงเวลาเกินควร
# en: One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-EXCESSIVE_OVERTIME-meaning = หนึ่งในตัวชี้วัดการใช้แรงงานบังคับ 11 ประการขององค์การแรงงานระหว่างประเทศ (ILO, 2012)
# en: Forced to commit online fraud (scams) under threat (Liaison's own indicator)
indicator-FORCED_ONLINE_FRAUD = ถูกบังคับให้ฉ้อโกงทางออนไลน์ (หลอกลวง) ภายใต้การข่มขู่ (ตัวชี้วัดของ Liaison เอง)
# en: Liaison's own indicator, not from a standard: a sign of forced criminality reported from scam compounds
indicator-FORCED_ONLINE_FRAUD-meaning = ตัวชี้วัดของ Liaison เอง ไม่ได้มาจากมาตรฐานใด: สัญญาณของการบังคับให้กระทำความผิดทางอาญาที่มีรายงานจากแหล่งปฏิบัติการหลอกลวงออนไลน์ (scam compound)
# en: Fraud quotas enforced with punishment (Liaison's own indicator)
indicator-QUOTAS_WITH_PUNISHMENT = โควตาการฉ้อโกงที่บังคับด้วยการลงโทษ (ตัวชี้วัดของ Liaison เอง)
# en: Liaison's own indicator, not from a standard: a sign of forced criminality reported from scam compounds
indicator-QUOTAS_WITH_PUNISHMENT-meaning = ตัวชี้วัดของ Liaison เอง ไม่ได้มาจากมาตรฐานใด: สัญญาณของการบังคับให้กระทำความผิดทางอาญาที่มีรายงานจากแหล่งปฏิบัติการหลอกลวงออนไลน์ (scam compound)
# en: Sold or transferred between compounds (Liaison's own indicator)
indicator-SOLD_BETWEEN_COMPOUNDS = ถูกขายหรือโอนย้ายระหว่างแหล่งปฏิบัติการ (ตัวชี้วัดของ Liaison เอง)
# en: Liaison's own indicator, not from a standard: a sign of forced criminality reported from scam compounds
indicator-SOLD_BETWEEN_COMPOUNDS-meaning = ตัวชี้วัดของ Liaison เอง ไม่ได้มาจากมาตรฐานใด: สัญญาณของการบังคับให้กระทำความผิดทางอาญาที่มีรายงานจากแหล่งปฏิบัติการหลอกลวงออนไลน์ (scam compound)

## Legal bases a request is made under (proto/src/legal.rs LEGAL_BASES): a short name,
## and the title as the meaning. ACTIP, UNTOC and MLAT stay untranslated.

# en: UNTOC art. 18
legal-UNTOC_ART_18 = UNTOC ข้อ 18
# en: UN Convention against Transnational Organized Crime, art. 18 (mutual legal assistance)
legal-UNTOC_ART_18-meaning = อนุสัญญาสหประชาชาติเพื่อต่อต้านอาชญากรรมข้ามชาติที่จัดตั้งในลักษณะองค์กร ข้อ 18 (ความช่วยเหลือซึ่งกันและกันทางกฎหมาย)
# en: UNTOC art. 27
legal-UNTOC_ART_27 = UNTOC ข้อ 27
# en: UN Convention against Transnational Organized Crime, art. 27 (law enforcement cooperation)
legal-UNTOC_ART_27-meaning = อนุสัญญาสหประชาชาติเพื่อต่อต้านอาชญากรรมข้ามชาติที่จัดตั้งในลักษณะองค์กร ข้อ 27 (ความร่วมมือในการบังคับใช้กฎหมาย)
# en: UN Trafficking Protocol
legal-UN_TIP_PROTOCOL = พิธีสารสหประชาชาติว่าด้วยการค้ามนุษย์
# en: UN Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children
legal-UN_TIP_PROTOCOL-meaning = พิธีสารสหประชาชาติเพื่อป้องกัน ปราบปราม และลงโทษการค้ามนุษย์ โดยเฉพาะสตรีและเด็ก
# en: ACTIP
legal-ACTIP = ACTIP
# en: ASEAN Convention against Trafficking in Persons, Especially Women and Children
legal-ACTIP-meaning = อนุสัญญาอาเซียนว่าด้วยการต่อต้านการค้ามนุษย์ โดยเฉพาะสตรีและเด็ก
# en: ASEAN MLAT
legal-ASEAN_MLAT = ASEAN MLAT
# en: ASEAN Treaty on Mutual Legal Assistance in Criminal Matters
legal-ASEAN_MLAT-meaning = สนธิสัญญาอาเซียนว่าด้วยความช่วยเหลือซึ่งกันและกันทางกฎหมายในเรื่องทางอาญา
# en: Budapest Convention art. 29
legal-BUDAPEST_ART_29 = อนุสัญญาบูดาเปสต์ ข้อ 29
# en: Convention on Cybercrime (Budapest), art. 29 (expedited preservation of stored computer data)
legal-BUDAPEST_ART_29-meaning = อนุสัญญาว่าด้วยอาชญากรรมไซเบอร์ (บูดาเปสต์) ข้อ 29 (การเก็บรักษาข้อมูลคอมพิวเตอร์ที่จัดเก็บไว้โดยเร่งด่วน)
# en: Budapest Convention art. 35
legal-BUDAPEST_ART_35 = อนุสัญญาบูดาเปสต์ ข้อ 35
# en: Convention on Cybercrime (Budapest), art. 35 (24/7 network)
legal-BUDAPEST_ART_35-meaning = อนุสัญญาว่าด้วยอาชญากรรมไซเบอร์ (บูดาเปสต์) ข้อ 35 (เครือข่าย 24/7)
# en: Bilateral agreement
legal-BILATERAL = ข้อตกลงทวิภาคี
# en: A bilateral agreement between the two countries (named in the reference)
legal-BILATERAL-meaning = ข้อตกลงทวิภาคีระหว่างสองประเทศ (ระบุไว้ในข้อมูลอ้างอิง)
# en: Police-to-police cooperation
legal-POLICE_COOPERATION = ความร่วมมือระหว่างตำรวจต่อตำรวจ
# en: Police-to-police cooperation
legal-POLICE_COOPERATION-meaning = ความร่วมมือระหว่างตำรวจต่อตำรวจ
# en: Reciprocity
legal-RECIPROCITY = หลักถ้อยทีถ้อยปฏิบัติ
# en: Reciprocity
legal-RECIPROCITY-meaning = หลักถ้อยทีถ้อยปฏิบัติ

## Non-punishment provisions a request about a possible victim cites
## (proto/src/legal.rs NON_PUNISHMENT).

# en: ACTIP art. 14(7): consider not holding victims of trafficking criminally or administratively liable for unlawful acts directly related to their trafficking
non-punishment-ACTIP_ART_14_7 = ACTIP ข้อ 14(7): พิจารณาไม่ให้ผู้เสียหายจากการค้ามนุษย์ต้องรับผิดทางอาญาหรือทางปกครองสำหรับการกระทำที่ไม่ชอบด้วยกฎหมายซึ่งเกี่ยวข้องโดยตรงกับการที่ตนถูกค้ามนุษย์
# en: The requesting country's own non-punishment provision (named in the reference)
non-punishment-NATIONAL_LAW = บทบัญญัติว่าด้วยการไม่ลงโทษของประเทศผู้ร้องขอเอง (ระบุไว้ในข้อมูลอ้างอิง)

## UNODC ICCS offence codes and titles (proto/data/iccs.tsv: ICCS version 1.0, UNODC 2015,
## a sourced subset). UNODC publishes no official ICCS titles in these languages, so
## translations of them are descriptive.

# en: Acts leading to death or intending to cause death
iccs-01 = การกระทำที่นำไปสู่ความตายหรือมีเจตนาทำให้ถึงแก่ความตาย
# en: Intentional homicide
iccs-0101 = การฆ่าผู้อื่นโดยเจตนา
# en: Attempted intentional homicide
iccs-0102 = การพยายามฆ่าผู้อื่นโดยเจตนา
# en: Non-intentional homicide
iccs-0103 = การทำให้ผู้อื่นถึงแก่ความตายโดยไม่เจตนา
# en: Assisting or instigating suicide
iccs-0104 = การช่วยเหลือหรือยุยงให้ฆ่าตัวตาย
# en: Euthanasia
iccs-0105 = การุณยฆาต
# en: Unlawful killing associated with armed conflict
iccs-0107 = การฆ่าโดยมิชอบด้วยกฎหมายที่เกี่ยวเนื่องกับความขัดแย้งทางอาวุธ
# en: Other acts leading to death or intending to cause death
iccs-0109 = การกระทำอื่นที่นำไปสู่ความตายหรือมีเจตนาทำให้ถึงแก่ความตาย
# en: Acts causing harm or intending to cause harm to the person
iccs-02 = การกระทำที่ก่อให้เกิดอันตรายหรือมีเจตนาก่อให้เกิดอันตรายต่อบุคคล
# en: Assaults and threats
iccs-0201 = การทำร้ายร่างกายและการข่มขู่
# en: Assault
iccs-02011 = การทำร้ายร่างกาย
# en: Serious assault
iccs-020111 = การทำร้ายร่างกายร้ายแรง
# en: Acts against liberty
iccs-0202 = การกระทำต่อเสรีภาพ
# en: Deprivation of liberty
iccs-02022 = การทำให้เสื่อมเสียเสรีภาพ
# en: Kidnapping
iccs-020221 = การลักพาตัว
# en: Slavery and exploitation
iccs-0203 = การเอาคนลงเป็นทาสและการแสวงประโยชน์
# en: Forced labour for domestic services
iccs-020321 = การบังคับใช้แรงงานในงานบ้าน
# en: Trafficking in persons
iccs-0204 = การค้ามนุษย์
# en: Trafficking in persons for sexual exploitation
iccs-02041 = การค้ามนุษย์เพื่อการแสวงประโยชน์ทางเพศ
# en: Trafficking in persons for forced labour or services
iccs-02042 = การค้ามนุษย์เพื่อการบังคับใช้แรงงานหรือบริการ
# en: Coercion
iccs-0205 = การบังคับขู่เข็ญ
# en: Negligence
iccs-0206 = ความประมาท
# en: Dangerous acts
iccs-0207 = การกระทำที่เป็นอันตราย
# en: Acts intended to induce fear or emotional distress
iccs-0208 = การกระทำที่มุ่งให้เกิดความกลัวหรือความทุกข์ทางจิตใจ
# en: Defamation or insult
iccs-0209 = การหมิ่นประมาทหรือการดูหมิ่น
# en: Discrimination
iccs-0210 = การเลือกปฏิบัติ
# en: Acts that trespass against the person
iccs-0211 = การกระทำที่ล่วงละเมิดต่อบุคคล
# en: Other acts causing harm or intending to cause harm to the person
iccs-0219 = การกระทำอื่นที่ก่อให้เกิดอันตรายหรือมีเจตนาก่อให้เกิดอันตรายต่อบุคคล
# en: Injurious acts of a sexual nature
iccs-03 = การกระทำที่เป็นอันตรายซึ่งมีลักษณะทางเพศ
# en: Sexual violence
iccs-0301 = ความรุนแรงทางเพศ
# en: Rape
iccs-03011 = การข่มขืนกระทำชำเรา
# en: Sexual assault
iccs-03012 = การทำร้ายทางเพศ
# en: Other acts of sexual violence
iccs-03019 = การกระทำอื่นที่เป็นความรุนแรงทางเพศ
# en: Sexual exploitation
iccs-0302 = การแสวงประโยชน์ทางเพศ
# en: Sexual exploitation of children
iccs-03022 = การแสวงประโยชน์ทางเพศจากเด็ก
# en: Child pornography
iccs-030221 = สื่อลามกอนาจารเด็ก
# en: Acts against property involving violence or threat against a person
iccs-04 = การกระทำต่อทรัพย์สินที่เกี่ยวข้องกับการใช้ความรุนแรงหรือการข่มขู่ต่อบุคคล
# en: Robbery
iccs-0401 = การชิงทรัพย์
# en: Acts against property only
iccs-05 = การกระทำต่อทรัพย์สินเท่านั้น
# en: Burglary
iccs-0501 = การบุกรุกเพื่อลักทรัพย์
# en: Burglary of private residential premises
iccs-05012 = การบุกรุกเพื่อลักทรัพย์ในที่อยู่อาศัยส่วนบุคคล
# en: Theft
iccs-0502 = การลักทรัพย์
# en: Theft of a motorized vehicle or parts thereof
iccs-05021 = การลักยานยนต์หรือชิ้นส่วนของยานยนต์
# en: Theft of a motorized land vehicle
iccs-050211 = การลักยานยนต์ทางบก
# en: Acts involving controlled drugs or other psychoactive substances
iccs-06 = การกระทำที่เกี่ยวข้องกับยาเสพติดที่ถูกควบคุมหรือสารออกฤทธิ์ต่อจิตและประสาทอื่น
# en: Unlawful acts involving controlled drugs or precursors
iccs-0601 = การกระทำที่ผิดกฎหมายเกี่ยวกับยาเสพติดที่ถูกควบคุมหรือสารตั้งต้น
# en: Acts involving fraud, deception or corruption
iccs-07 = การกระทำที่เกี่ยวข้องกับการฉ้อโกง การหลอกลวง หรือการทุจริต
# en: Fraud
iccs-0701 = การฉ้อโกง
# en: Corruption
iccs-0703 = การทุจริต
# en: Bribery
iccs-07031 = การให้หรือรับสินบน
# en: Money laundering
iccs-07041 = การฟอกเงิน
# en: Acts against public order, authority and provisions of the State
iccs-08 = การกระทำต่อความสงบเรียบร้อยของประชาชน อำนาจรัฐ และบทบัญญัติของรัฐ
# en: Smuggling of migrants offences
iccs-08051 = ความผิดเกี่ยวกับการลักลอบขนผู้ย้ายถิ่น
# en: Acts against public safety and state security
iccs-09 = การกระทำต่อความปลอดภัยสาธารณะและความมั่นคงของรัฐ
# en: Acts against computer systems
iccs-0903 = การกระทำต่อระบบคอมพิวเตอร์
# en: Unlawful access to a computer system
iccs-09031 = การเข้าถึงระบบคอมพิวเตอร์โดยมิชอบ
# en: Participation in an organized criminal group
iccs-09051 = การเข้าร่วมในกลุ่มองค์กรอาชญากรรม
# en: Acts against the natural environment
iccs-10 = การกระทำต่อสิ่งแวดล้อมทางธรรมชาติ
# en: Acts that cause environmental pollution or degradation
iccs-1001 = การกระทำที่ก่อให้เกิดมลพิษหรือความเสื่อมโทรมของสิ่งแวดล้อม
# en: Acts involving the movement or dumping of waste
iccs-1002 = การกระทำที่เกี่ยวข้องกับการเคลื่อนย้ายหรือการทิ้งของเสีย
# en: Trade or possession of protected or prohibited species of fauna and flora
iccs-1003 = การค้าหรือการครอบครองพืชและสัตว์ที่ได้รับความคุ้มครองหรือต้องห้าม
# en: Acts that result in the depletion or degradation of natural resources
iccs-1004 = การกระทำที่ส่งผลให้ทรัพยากรธรรมชาติร่อยหรอหรือเสื่อมโทรม
# en: Other criminal acts not elsewhere classified
iccs-11 = การกระทำความผิดทางอาญาอื่นที่มิได้จัดประเภทไว้ที่อื่น
