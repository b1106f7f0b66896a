### status: drafted, not yet reviewed by a native speaker
### language: Burmese

## Categories: what a request asks the other country to do or check (Category).
## The flags in brackets, e.g. (--person), are the command line's and stay as they are.

# en: Person check
category-PERSON_CHECK = လူပုဂ္ဂိုလ် စစ်ဆေးခြင်း
# en: is this person known to you: identity, record, wanted status (--person)
category-PERSON_CHECK-meaning = ဤပုဂ္ဂိုလ်ကို သင်တို့ သိရှိပါသလား- ကိုယ်ရေးအထောက်အထား၊ မှတ်တမ်း၊ ဝရမ်းထုတ်ထားခြင်း ရှိ၊ မရှိ (--person)
# en: Phone check
category-PHONE_CHECK = ဖုန်းနံပါတ် စစ်ဆေးခြင်း
# en: who holds this phone number, and since when (--phone)
category-PHONE_CHECK-meaning = ဤဖုန်းနံပါတ်ကို မည်သူ ကိုင်ဆောင်ထားသနည်း၊ မည်သည့်အချိန်မှစ၍ (--phone)
# en: Wallet trace
category-WALLET_TRACE = ခရစ်ပ်တို ပိုက်ဆံအိတ် ခြေရာခံခြင်း
# en: who is behind this crypto-currency address, where its funds went (--wallet)
category-WALLET_TRACE-meaning = ဤခရစ်ပ်တိုငွေ လိပ်စာ၏ နောက်ကွယ်တွင် မည်သူ ရှိသနည်း၊ ၎င်း၏ ရန်ပုံငွေများ မည်သည့်နေရာသို့ ရောက်သွားသနည်း (--wallet)
# en: Company check
category-COMPANY_CHECK = ကုမ္ပဏီ စစ်ဆေးခြင်း
# en: who registered, runs and owns this company (--company)
category-COMPANY_CHECK-meaning = ဤကုမ္ပဏီကို မည်သူ မှတ်ပုံတင်၊ လည်ပတ်၊ ပိုင်ဆိုင်သနည်း (--company)
# en: Victim identification
category-VICTIM_IDENTIFICATION = ကျူးလွန်ခံရသူကို ခွဲခြားသတ်မှတ်ခြင်း
# en: identify a possible victim of trafficking, e.g. a rescued person (--person)
category-VICTIM_IDENTIFICATION-meaning = လူကုန်ကူးမှု ကျူးလွန်ခံရသူ ဖြစ်နိုင်သူကို ခွဲခြားသတ်မှတ်ခြင်း၊ ဥပမာ ကယ်ဆယ်ခံရသူ (--person)
# en: Evidence preservation
category-EVIDENCE_PRESERVATION = သက်သေအထောက်အထား ထိန်းသိမ်းခြင်း
# en: preserve records or data until a formal request follows
category-EVIDENCE_PRESERVATION-meaning = တရားဝင် တောင်းဆိုချက် နောက်မှ ရောက်လာသည်အထိ မှတ်တမ်းများ သို့မဟုတ် ဒေတာများကို ထိန်းသိမ်းထားခြင်း
# en: Case notification
category-CASE_NOTIFICATION = အမှု အကြောင်းကြားခြင်း
# en: tell the other country of a case that concerns it
category-CASE_NOTIFICATION-meaning = အခြားနိုင်ငံနှင့် သက်ဆိုင်သော အမှုတစ်ခုအကြောင်း ထိုနိုင်ငံသို့ အကြောင်းကြားခြင်း

## Purposes: why the requesting country needs the information (Purpose).

# en: Investigation
purpose-INVESTIGATION = စုံစမ်းစစ်ဆေးခြင်း
# en: for a criminal investigation under way
purpose-INVESTIGATION-meaning = လက်ရှိ ဆောင်ရွက်နေသော ရာဇဝတ်မှု စုံစမ်းစစ်ဆေးမှုအတွက်
# en: Prosecution
purpose-PROSECUTION = တရားစွဲဆိုခြင်း
# en: for a prosecution or trial
purpose-PROSECUTION-meaning = တရားစွဲဆိုမှု သို့မဟုတ် တရားခွင် စစ်ဆေးမှုအတွက်
# en: Victim assistance
purpose-VICTIM_ASSISTANCE = ကျူးလွန်ခံရသူအား ကူညီခြင်း
# en: to protect, assist or bring home a victim
purpose-VICTIM_ASSISTANCE-meaning = ကျူးလွန်ခံရသူကို ကာကွယ်ရန်၊ ကူညီရန် သို့မဟုတ် နေရပ်ပြန်ပို့ရန်
# en: Intelligence
purpose-INTELLIGENCE = ထောက်လှမ်းရေး
# en: for criminal intelligence, not as evidence
purpose-INTELLIGENCE-meaning = ရာဇဝတ်မှုဆိုင်ရာ ထောက်လှမ်းရေးအတွက်၊ သက်သေအထောက်အထားအဖြစ် မဟုတ်

## Refusal reasons: why an agency declined to answer (RefusalReason).

# en: No competent agency
refusal-NO_COMPETENT_AGENCY = တာဝန်ရှိသော ဌာန မရှိ
# en: no agency of this country handles this category
refusal-NO_COMPETENT_AGENCY-meaning = ဤနိုင်ငံ၏ မည်သည့်ဌာနကမျှ ဤအမျိုးအစားကို ကိုင်တွယ်ခြင်း မရှိပါ
# en: Insufficient information
refusal-INSUFFICIENT_INFORMATION = သတင်းအချက်အလက် မပြည့်စုံ
# en: the request lacks what is needed to act on it
refusal-INSUFFICIENT_INFORMATION-meaning = တောင်းဆိုချက်တွင် ဆောင်ရွက်ရန် လိုအပ်သည့်အရာများ မပါဝင်ပါ
# en: No legal basis
refusal-NO_LEGAL_BASIS = ဥပဒေဆိုင်ရာ အခြေခံ မရှိ
# en: this country's law gives no basis to act on it
refusal-NO_LEGAL_BASIS-meaning = ဤနိုင်ငံ၏ ဥပဒေတွင် ၎င်းအပေါ် ဆောင်ရွက်ရန် အခြေခံ မရှိပါ
# en: Prejudice to proceedings
refusal-PREJUDICE_TO_PROCEEDINGS = တရားစီရင်ရေး လုပ်ငန်းစဉ်ကို ထိခိုက်စေခြင်း
# en: answering would prejudice an investigation or proceeding under way
refusal-PREJUDICE_TO_PROCEEDINGS-meaning = ပြန်ကြားခြင်းသည် လက်ရှိ စုံစမ်းစစ်ဆေးမှု သို့မဟုတ် တရားစီရင်ရေး လုပ်ငန်းစဉ်ကို ထိခိုက်စေလိမ့်မည်
# en: Outside agreement
refusal-OUTSIDE_AGREEMENT = သဘောတူညီချက် ပြင်ပ
# en: the request falls outside the sharing agreement
refusal-OUTSIDE_AGREEMENT-meaning = တောင်းဆိုချက်သည် သတင်းမျှဝေရေး သဘောတူညီချက်၏ ပြင်ပတွင် ရှိသည်
# en: Requires mutual legal assistance
refusal-REQUIRES_MUTUAL_LEGAL_ASSISTANCE = တရားရေးဆိုင်ရာ အပြန်အလှန် အကူအညီ လိုအပ်
# en: it must go through formal mutual legal assistance
refusal-REQUIRES_MUTUAL_LEGAL_ASSISTANCE-meaning = တရားဝင် တရားရေးဆိုင်ရာ အပြန်အလှန် အကူအညီ လမ်းကြောင်းမှတစ်ဆင့် ဆောင်ရွက်ရမည်
# en: Deadline passed
refusal-DEADLINE_PASSED = သတ်မှတ်ရက် ကျော်လွန်
# en: the deadline passed before an answer could be given
refusal-DEADLINE_PASSED-meaning = အဖြေ မပေးနိုင်မီ သတ်မှတ်ရက် ကျော်လွန်သွားသည်
# en: Other
refusal-OTHER = အခြား
# en: another reason, given with --explanation
refusal-OTHER-meaning = အခြားအကြောင်းရင်း၊ --explanation ဖြင့် ဖော်ပြထားသည်

## Handling codes: how the requester may use released data (HandlingCode).

# en: Intelligence only
handling-INTELLIGENCE_ONLY = ထောက်လှမ်းရေးအတွက်သာ
# en: for intelligence only; not to be produced in court
handling-INTELLIGENCE_ONLY-meaning = ထောက်လှမ်းရေးအတွက်သာ၊ တရားရုံးတွင် တင်ပြရန် မဟုတ်
# en: Evidence with consent
handling-EVIDENCE_WITH_CONSENT = သဘောတူညီချက်ဖြင့် သက်သေအထောက်အထား
# en: usable as evidence once the answering country consents
handling-EVIDENCE_WITH_CONSENT-meaning = ပြန်ကြားသော နိုင်ငံက သဘောတူပြီးနောက် သက်သေအထောက်အထားအဖြစ် အသုံးပြုနိုင်သည်
# en: No onward sharing
handling-NO_ONWARD_SHARING = ဆက်လက် မမျှဝေရ
# en: not to be passed to any third country or agency outside the requester
handling-NO_ONWARD_SHARING-meaning = တောင်းဆိုသူ ပြင်ပရှိ မည်သည့် တတိယနိုင်ငံ သို့မဟုတ် ဌာနသို့မျှ လွှဲပြောင်း မပေးရ
# en: Victim protected
handling-VICTIM_PROTECTED = ကျူးလွန်ခံရသူကို ကာကွယ်ထားသည်
# en: about a possible victim: no onward transfer, never evidence against that person, the shortest retention
handling-VICTIM_PROTECTED-meaning = ကျူးလွန်ခံရသူ ဖြစ်နိုင်သူအကြောင်း- ဆက်လက် လွှဲပြောင်းခြင်း မပြုရ၊ ထိုသူကို ဆန့်ကျင်သည့် သက်သေအထောက်အထားအဖြစ် ဘယ်သောအခါမျှ မသုံးရ၊ အတိုဆုံးကာလသာ သိမ်းဆည်းရ

## Request statuses: where a request is in its lifecycle (RequestStatus).

# en: Submitted
status-SUBMITTED = တင်သွင်းပြီး
# en: accepted by this node, not yet delivered to the peer
status-SUBMITTED-meaning = ဤ node က လက်ခံပြီး၊ တစ်ဖက် node သို့ မပို့ဆောင်ရသေး
# en: Sent
status-SENT = ပို့ပြီး
# en: delivered: the peer's receipt is held
status-SENT-meaning = ပို့ဆောင်ပြီး- တစ်ဖက် node ၏ လက်ခံဖြတ်ပိုင်း ရရှိထားသည်
# en: Received
status-RECEIVED = လက်ခံရရှိပြီး
# en: received from a peer, not yet routed to an agency
status-RECEIVED-meaning = တစ်ဖက် node ထံမှ လက်ခံရရှိပြီး၊ ဌာနတစ်ခုသို့ မလွှဲပြောင်းရသေး
# en: Assigned
status-ASSIGNED = တာဝန်ပေးပြီး
# en: routed to an agency, waiting for its answer
status-ASSIGNED-meaning = ဌာနတစ်ခုသို့ လွှဲပြောင်းပြီး၊ ၎င်း၏ အဖြေကို စောင့်ဆိုင်းနေသည်
# en: Answered
status-ANSWERED = ပြန်ကြားပြီး
# en: answered with the fields released (final)
status-ANSWERED-meaning = ထုတ်ပေးသော အချက်အလက်များဖြင့် ပြန်ကြားပြီး (နောက်ဆုံး)
# en: Refused
status-REFUSED = ငြင်းပယ်ပြီး
# en: refused, with a reason (final)
status-REFUSED-meaning = အကြောင်းရင်းနှင့်အတူ ငြင်းပယ်ပြီး (နောက်ဆုံး)
# en: Withdrawn
status-WITHDRAWN = ပြန်ရုပ်သိမ်းပြီး
# en: withdrawn by the country that sent it (final)
status-WITHDRAWN-meaning = ပေးပို့သော နိုင်ငံက ပြန်ရုပ်သိမ်းပြီး (နောက်ဆုံး)
# en: Expired
status-EXPIRED = သက်တမ်းကုန်
# en: its deadline passed without an answer (final)
status-EXPIRED-meaning = အဖြေ မရဘဲ သတ်မှတ်ရက် ကျော်လွန်သွားသည် (နောက်ဆုံး)
# en: Undeliverable
status-UNDELIVERABLE = ပို့ဆောင်၍ မရ
# en: the peer refused its delivery for good (final)
status-UNDELIVERABLE-meaning = တစ်ဖက် node က ပို့ဆောင်မှုကို အပြီးအပိုင် ငြင်းပယ်သည် (နောက်ဆုံး)

## Victim statuses: what a victim-status notification says of its possible victim (VictimStatus).

# en: Confirmed
victim-status-CONFIRMED = အတည်ပြုပြီး
# en: the competent authority identified the person as a victim
victim-status-CONFIRMED-meaning = တာဝန်ရှိ အာဏာပိုင်က ထိုသူကို ကျူးလွန်ခံရသူအဖြစ် ခွဲခြားသတ်မှတ်ပြီး
# en: Withdrawn
victim-status-WITHDRAWN = ပြန်ရုပ်သိမ်းပြီး
# en: the indication that the person may be a victim is withdrawn
victim-status-WITHDRAWN-meaning = ထိုသူသည် ကျူးလွန်ခံရသူ ဖြစ်နိုင်သည်ဟူသော ညွှန်ပြချက်ကို ပြန်ရုပ်သိမ်းပြီး

## Subject kinds: what a subject is (SubjectKind).

# en: Person
subject-kind-PERSON = လူပုဂ္ဂိုလ်
# en: Phone
subject-kind-PHONE = ဖုန်း
# en: Wallet
subject-kind-WALLET = ခရစ်ပ်တို ပိုက်ဆံအိတ်
# en: Company
subject-kind-COMPANY = ကုမ္ပဏီ
# en: Bank account
subject-kind-BANK_ACCOUNT = ဘဏ်စာရင်း
# en: Online account
subject-kind-ONLINE_ACCOUNT = အွန်လိုင်း အကောင့်
# en: Device
subject-kind-DEVICE = စက်ပစ္စည်း
# en: Identity document
subject-kind-IDENTITY_DOCUMENT = ကိုယ်ရေးအထောက်အထား စာရွက်စာတမ်း
# en: Vehicle
subject-kind-VEHICLE = ယာဉ်
# en: IP address
subject-kind-IP_ADDRESS = IP လိပ်စာ

## Subject roles: what part a subject plays in the case, as far as the requester knows (SubjectRole).

# en: Suspect
subject-role-SUSPECT = သံသယရှိသူ
# en: Possible victim
subject-role-POSSIBLE_VICTIM = ကျူးလွန်ခံရသူ ဖြစ်နိုင်သူ
# en: Witness
subject-role-WITNESS = သက်သေ
# en: Unknown
subject-role-UNKNOWN = မသိ

## Identity document types (DocumentType).

# en: Passport
document-type-PASSPORT = နိုင်ငံကူးလက်မှတ်
# en: National ID
document-type-NATIONAL_ID = နိုင်ငံသား စိစစ်ရေးကတ်
# en: Residence permit
document-type-RESIDENCE_PERMIT = နေထိုင်ခွင့် လက်မှတ်
# en: Driving licence
document-type-DRIVING_LICENCE = ယာဉ်မောင်းလိုင်စင်
# en: Seafarer book
document-type-SEAFARER_BOOK = သင်္ဘောသား မှတ်တမ်းစာအုပ်
# en: Other document
document-type-OTHER_DOCUMENT = အခြား စာရွက်စာတမ်း

## Trafficking indicators (proto/src/victims.rs INDICATORS). The first eleven are the ILO
## Indicators of Forced Labour (ILO, 2012); the last three are Liaison's own.

# en: Abuse of vulnerability
indicator-ABUSE_OF_VULNERABILITY = ထိခိုက်လွယ်မှုကို အလွဲသုံးစားပြုခြင်း
# en: One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-ABUSE_OF_VULNERABILITY-meaning = ILO ၏ အတင်းအကျပ် လုပ်အားပေးစေခြင်း ညွှန်ပြချက် ဆယ့်တစ်ခုအနက် တစ်ခု (ILO, 2012)
# en: Deception
indicator-DECEPTION = လှည့်စားခြင်း
# en: One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-DECEPTION-meaning = ILO ၏ အတင်းအကျပ် လုပ်အားပေးစေခြင်း ညွှန်ပြချက် ဆယ့်တစ်ခုအနက် တစ်ခု (ILO, 2012)
# en: Restriction of movement
indicator-RESTRICTION_OF_MOVEMENT = သွားလာလှုပ်ရှားမှုကို ကန့်သတ်ခြင်း
# en: One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-RESTRICTION_OF_MOVEMENT-meaning = ILO ၏ အတင်းအကျပ် လုပ်အားပေးစေခြင်း ညွှန်ပြချက် ဆယ့်တစ်ခုအနက် တစ်ခု (ILO, 2012)
# en: Isolation
indicator-ISOLATION = အထီးကျန်အောင် ခွဲထားခြင်း
# en: One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-ISOLATION-meaning = ILO ၏ အတင်းအကျပ် လုပ်အားပေးစေခြင်း ညွှန်ပြချက် ဆယ့်တစ်ခုအနက် တစ်ခု (ILO, 2012)
# en: Physical and sexual violence
indicator-PHYSICAL_AND_SEXUAL_VIOLENCE = ကိုယ်ထိလက်ရောက်နှင့် လိင်ပိုင်းဆိုင်ရာ အကြမ်းဖက်မှု
# en: One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-PHYSICAL_AND_SEXUAL_VIOLENCE-meaning = ILO ၏ အတင်းအကျပ် လုပ်အားပေးစေခြင်း ညွှန်ပြချက် ဆယ့်တစ်ခုအနက် တစ်ခု (ILO, 2012)
# en: Intimidation and threats
indicator-INTIMIDATION_AND_THREATS = ခြိမ်းခြောက်ခြင်းနှင့် ခြောက်လှန့်ခြင်း
# en: One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-INTIMIDATION_AND_THREATS-meaning = ILO ၏ အတင်းအကျပ် လုပ်အားပေးစေခြင်း ညွှန်ပြချက် ဆယ့်တစ်ခုအနက် တစ်ခု (ILO, 2012)
# en: Retention of identity documents
indicator-RETENTION_OF_IDENTITY_DOCUMENTS = ကိုယ်ရေးအထောက်အထား စာရွက်စာတမ်းများကို သိမ်းဆည်းထားခြင်း
# en: One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-RETENTION_OF_IDENTITY_DOCUMENTS-meaning = ILO ၏ အတင်းအကျပ် လုပ်အားပေးစေခြင်း ညွှန်ပြချက် ဆယ့်တစ်ခုအနက် တစ်ခု (ILO, 2012)
# en: Withholding of wages
indicator-WITHHOLDING_OF_WAGES = လုပ်ခလစာကို ထိန်းထားခြင်း
# en: One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-WITHHOLDING_OF_WAGES-meaning = ILO ၏ အတင်းအကျပ် လုပ်အားပေးစေခြင်း ညွှန်ပြချက် ဆယ့်တစ်ခုအနက် တစ်ခု (ILO, 2012)
# en: Debt bondage
indicator-DEBT_BONDAGE = အကြွေးဖြင့် ချည်နှောင်ခြင်း
# en: One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-DEBT_BONDAGE-meaning = ILO ၏ အတင်းအကျပ် လုပ်အားပေးစေခြင်း ညွှန်ပြချက် ဆယ့်တစ်ခုအနက် တစ်ခု (ILO, 2012)
# en: Abusive working and living conditions
indicator-ABUSIVE_WORKING_AND_LIVING_CONDITIONS = ညှဉ်းပန်းသော အလုပ်နှင့် နေထိုင်မှု အခြေအနေများ
# en: One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-ABUSIVE_WORKING_AND_LIVING_CONDITIONS-meaning = ILO ၏ အတင်းအကျပ် လုပ်အားပေးစေခြင်း ညွှန်ပြချက် ဆယ့်တစ်ခုအနက် တစ်ခု (ILO, 2012)
# en: Excessive overtime
indicator-EXCESSIVE_OVERTIME = အလွန်အကျွံ အချိန်ပို လုပ်ခိုင်းခြင်း
# en: One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-EXCESSIVE_OVERTIME-meaning = ILO ၏ အတင်းအကျပ် လုပ်အားပေးစေခြင်း ညွှန်ပြချက် ဆယ့်တစ်ခုအနက် တစ်ခု (ILO, 2012)
# en: Forced to commit online fraud (scams) under threat (Liaison's own indicator)
indicator-FORCED_ONLINE_FRAUD = ခြိမ်းခြောက်ခံရ၍ အွန်လိုင်း လိမ်လည်မှု ကျူးလွန်ရန် အတင်းအကျပ် ခိုင်းစေခံရခြင်း (Liaison ၏ ကိုယ်ပိုင် ညွှန်ပြချက်)
# en: Liaison's own indicator, not from a standard: a sign of forced criminality reported from scam compounds
indicator-FORCED_ONLINE_FRAUD-meaning = Liaison ၏ ကိုယ်ပိုင် ညွှန်ပြချက်ဖြစ်ပြီး စံတစ်ခုခုမှ မဟုတ်ပါ- အွန်လိုင်းလိမ်လည်မှု စခန်းများ (scam compound) မှ သတင်းပို့ထားသော အတင်းအကျပ် ရာဇဝတ်မှု ကျူးလွန်စေခြင်း၏ လက္ခဏာ
# en: Fraud quotas enforced with punishment (Liaison's own indicator)
indicator-QUOTAS_WITH_PUNISHMENT = အပြစ်ပေးမှုဖြင့် အကောင်အထည်ဖော်သော လိမ်လည်မှု ကိုတာများ (Liaison ၏ ကိုယ်ပိုင် ညွှန်ပြချက်)
# en: Liaison's own indicator, not from a standard: a sign of forced criminality reported from scam compounds
indicator-QUOTAS_WITH_PUNISHMENT-meaning = Liaison ၏ ကိုယ်ပိုင် ညွှန်ပြချက်ဖြစ်ပြီး စံတစ်ခုခုမှ မဟုတ်ပါ- အွန်လိုင်းလိမ်လည်မှု စခန်းများ (scam compound) မှ သတင်းပို့ထားသော အတင်းအကျပ် ရာဇဝတ်မှု ကျူးလွန်စေခြင်း၏ လက္ခဏာ
# en: Sold or transferred between compounds (Liaison's own indicator)
indicator-SOLD_BETWEEN_COMPOUNDS = စခန်းများအကြား ရောင်းချခံရခြင်း သို့မဟုတ် လွှဲပြောင်းခံရခြင်း (Liaison ၏ ကိုယ်ပိုင် ညွှန်ပြချက်)
# en: Liaison's own indicator, not from a standard: a sign of forced criminality reported from scam compounds
indicator-SOLD_BETWEEN_COMPOUNDS-meaning = Liaison ၏ ကိုယ်ပိုင် ညွှန်ပြချက်ဖြစ်ပြီး စံတစ်ခုခုမှ မဟုတ်ပါ- အွန်လိုင်းလိမ်လည်မှု စခန်းများ (scam compound) မှ သတင်းပို့ထားသော အတင်းအကျပ် ရာဇဝတ်မှု ကျူးလွန်စေခြင်း၏ လက္ခဏာ

## Legal bases a request is made under (proto/src/legal.rs LEGAL_BASES): a short name,
## and the title as the meaning. ACTIP, UNTOC and MLAT stay untranslated.

# en: UNTOC art. 18
legal-UNTOC_ART_18 = UNTOC အပိုဒ် 18
# en: UN Convention against Transnational Organized Crime, art. 18 (mutual legal assistance)
legal-UNTOC_ART_18-meaning = နိုင်ငံဖြတ်ကျော် ဂိုဏ်းဖွဲ့ ရာဇဝတ်မှုများ တိုက်ဖျက်ရေး ကုလသမဂ္ဂ ကွန်ဗင်းရှင်း၊ အပိုဒ် 18 (တရားရေးဆိုင်ရာ အပြန်အလှန် အကူအညီ)
# en: UNTOC art. 27
legal-UNTOC_ART_27 = UNTOC အပိုဒ် 27
# en: UN Convention against Transnational Organized Crime, art. 27 (law enforcement cooperation)
legal-UNTOC_ART_27-meaning = နိုင်ငံဖြတ်ကျော် ဂိုဏ်းဖွဲ့ ရာဇဝတ်မှုများ တိုက်ဖျက်ရေး ကုလသမဂ္ဂ ကွန်ဗင်းရှင်း၊ အပိုဒ် 27 (ဥပဒေစိုးမိုးရေး ပူးပေါင်းဆောင်ရွက်မှု)
# en: UN Trafficking Protocol
legal-UN_TIP_PROTOCOL = လူကုန်ကူးမှုဆိုင်ရာ ကုလသမဂ္ဂ ပရိုတိုကော
# en: UN Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children
legal-UN_TIP_PROTOCOL-meaning = လူကုန်ကူးမှု၊ အထူးသဖြင့် အမျိုးသမီးနှင့် ကလေးသူငယ် ကုန်ကူးမှုကို ကာကွယ်တားဆီးရေး၊ နှိမ်နင်းရေးနှင့် အပြစ်ပေးရေး ကုလသမဂ္ဂ ပရိုတိုကော
# en: ACTIP
legal-ACTIP = ACTIP
# en: ASEAN Convention against Trafficking in Persons, Especially Women and Children
legal-ACTIP-meaning = လူကုန်ကူးမှု၊ အထူးသဖြင့် အမျိုးသမီးနှင့် ကလေးသူငယ် ကုန်ကူးမှု တိုက်ဖျက်ရေး အာဆီယံ ကွန်ဗင်းရှင်း
# en: ASEAN MLAT
legal-ASEAN_MLAT = ASEAN MLAT
# en: ASEAN Treaty on Mutual Legal Assistance in Criminal Matters
legal-ASEAN_MLAT-meaning = ပြစ်မှုဆိုင်ရာ ကိစ္စရပ်များတွင် တရားရေးဆိုင်ရာ အပြန်အလှန် အကူအညီပေးရေး အာဆီယံ စာချုပ်
# en: Budapest Convention art. 29
legal-BUDAPEST_ART_29 = ဘူဒါပက်စ် ကွန်ဗင်းရှင်း အပိုဒ် 29
# en: Convention on Cybercrime (Budapest), art. 29 (expedited preservation of stored computer data)
legal-BUDAPEST_ART_29-meaning = ဆိုက်ဘာ ရာဇဝတ်မှုဆိုင်ရာ ကွန်ဗင်းရှင်း (ဘူဒါပက်စ်)၊ အပိုဒ် 29 (သိမ်းဆည်းထားသော ကွန်ပျူတာ ဒေတာကို အမြန် ထိန်းသိမ်းခြင်း)
# en: Budapest Convention art. 35
legal-BUDAPEST_ART_35 = ဘူဒါပက်စ် ကွန်ဗင်းရှင်း အပိုဒ် 35
# en: Convention on Cybercrime (Budapest), art. 35 (24/7 network)
legal-BUDAPEST_ART_35-meaning = ဆိုက်ဘာ ရာဇဝတ်မှုဆိုင်ရာ ကွန်ဗင်းရှင်း (ဘူဒါပက်စ်)၊ အပိုဒ် 35 (24/7 ကွန်ရက်)
# en: Bilateral agreement
legal-BILATERAL = နှစ်နိုင်ငံ သဘောတူညီချက်
# en: A bilateral agreement between the two countries (named in the reference)
legal-BILATERAL-meaning = နိုင်ငံနှစ်ခုအကြား နှစ်နိုင်ငံ သဘောတူညီချက် (ရည်ညွှန်းချက်တွင် ဖော်ပြထားသည်)
# en: Police-to-police cooperation
legal-POLICE_COOPERATION = ရဲနှင့်ရဲ ပူးပေါင်းဆောင်ရွက်မှု
# en: Police-to-police cooperation
legal-POLICE_COOPERATION-meaning = ရဲနှင့်ရဲ ပူးပေါင်းဆောင်ရွက်မှု
# en: Reciprocity
legal-RECIPROCITY = အပြန်အလှန် ဆောင်ရွက်ခြင်း
# en: Reciprocity
legal-RECIPROCITY-meaning = အပြန်အလှန် ဆောင်ရွက်ခြင်း မူ

## Non-punishment provisions a request about a possible victim cites
## (proto/src/legal.rs NON_PUNISHMENT).

# en: ACTIP art. 14(7): consider not holding victims of trafficking criminally or administratively liable for unlawful acts directly related to their trafficking
non-punishment-ACTIP_ART_14_7 = ACTIP အပိုဒ် 14(7)- လူကုန်ကူးမှု ကျူးလွန်ခံရသူများကို ၎င်းတို့ ကုန်ကူးခံရမှုနှင့် တိုက်ရိုက် ဆက်စပ်သော ဥပဒေနှင့်မညီသည့် ပြုလုပ်မှုများအတွက် ရာဇဝတ် သို့မဟုတ် အုပ်ချုပ်ရေးဆိုင်ရာ တာဝန်ခံစေခြင်း မပြုရန် ထည့်သွင်းစဉ်းစားခြင်း
# en: The requesting country's own non-punishment provision (named in the reference)
non-punishment-NATIONAL_LAW = တောင်းဆိုသော နိုင်ငံ၏ ကိုယ်ပိုင် အပြစ်မပေးရေး ပြဋ္ဌာန်းချက် (ရည်ညွှန်းချက်တွင် ဖော်ပြထားသည်)

## UNODC ICCS offence codes and titles (proto/data/iccs.tsv: ICCS version 1.0, UNODC 2015,
## a sourced subset). UNODC publishes no official ICCS titles in these languages, so
## translations of them are descriptive.

# en: Acts leading to death or intending to cause death
iccs-01 = သေဆုံးစေသော သို့မဟုတ် သေဆုံးစေရန် ရည်ရွယ်သော ပြုလုပ်မှုများ
# en: Intentional homicide
iccs-0101 = ရည်ရွယ်ချက်ရှိရှိ လူသတ်မှု
# en: Attempted intentional homicide
iccs-0102 = ရည်ရွယ်ချက်ရှိရှိ လူသတ်ရန် အားထုတ်မှု
# en: Non-intentional homicide
iccs-0103 = ရည်ရွယ်ချက်မရှိဘဲ လူသေစေမှု
# en: Assisting or instigating suicide
iccs-0104 = သတ်သေရန် ကူညီခြင်း သို့မဟုတ် လှုံ့ဆော်ခြင်း
# en: Euthanasia
iccs-0105 = ဆေးဖြင့် ငြိမ်းချမ်းစွာ သေဆုံးစေခြင်း (euthanasia)
# en: Unlawful killing associated with armed conflict
iccs-0107 = လက်နက်ကိုင် ပဋိပက္ခနှင့် ဆက်စပ်သော တရားမဝင် သတ်ဖြတ်မှု
# en: Other acts leading to death or intending to cause death
iccs-0109 = သေဆုံးစေသော သို့မဟုတ် သေဆုံးစေရန် ရည်ရွယ်သော အခြား ပြုလုပ်မှုများ
# en: Acts causing harm or intending to cause harm to the person
iccs-02 = လူကို ထိခိုက်နစ်နာစေသော သို့မဟုတ် ထိခိုက်နစ်နာစေရန် ရည်ရွယ်သော ပြုလုပ်မှုများ
# en: Assaults and threats
iccs-0201 = ကိုယ်ထိလက်ရောက် တိုက်ခိုက်မှုနှင့် ခြိမ်းခြောက်မှု
# en: Assault
iccs-02011 = ကိုယ်ထိလက်ရောက် တိုက်ခိုက်မှု
# en: Serious assault
iccs-020111 = ပြင်းထန်သော ကိုယ်ထိလက်ရောက် တိုက်ခိုက်မှု
# en: Acts against liberty
iccs-0202 = လွတ်လပ်ခွင့်ကို ဆန့်ကျင်သော ပြုလုပ်မှုများ
# en: Deprivation of liberty
iccs-02022 = လွတ်လပ်ခွင့် ဆုံးရှုံးစေခြင်း
# en: Kidnapping
iccs-020221 = ပြန်ပေးဆွဲခြင်း
# en: Slavery and exploitation
iccs-0203 = ကျွန်ပြုခြင်းနှင့် အမြတ်ထုတ်ခြင်း
# en: Forced labour for domestic services
iccs-020321 = အိမ်တွင်း အလုပ်အကိုင်တွင် အတင်းအကျပ် လုပ်အားပေးစေခြင်း
# en: Trafficking in persons
iccs-0204 = လူကုန်ကူးမှု
# en: Trafficking in persons for sexual exploitation
iccs-02041 = လိင်ပိုင်းဆိုင်ရာ အမြတ်ထုတ်ရန် လူကုန်ကူးမှု
# en: Trafficking in persons for forced labour or services
iccs-02042 = အတင်းအကျပ် လုပ်အားပေးစေရန် သို့မဟုတ် ဝန်ဆောင်မှုပေးစေရန် လူကုန်ကူးမှု
# en: Coercion
iccs-0205 = အနိုင်အထက် ခိုင်းစေခြင်း
# en: Negligence
iccs-0206 = ပေါ့လျော့မှု
# en: Dangerous acts
iccs-0207 = အန္တရာယ်ရှိသော ပြုလုပ်မှုများ
# en: Acts intended to induce fear or emotional distress
iccs-0208 = ကြောက်ရွံ့မှု သို့မဟုတ် စိတ်ဒုက္ခ ဖြစ်စေရန် ရည်ရွယ်သော ပြုလုပ်မှုများ
# en: Defamation or insult
iccs-0209 = အသရေဖျက်ခြင်း သို့မဟုတ် စော်ကားခြင်း
# en: Discrimination
iccs-0210 = ခွဲခြားဆက်ဆံခြင်း
# en: Acts that trespass against the person
iccs-0211 = လူပုဂ္ဂိုလ်ကို ကျူးကျော်သော ပြုလုပ်မှုများ
# en: Other acts causing harm or intending to cause harm to the person
iccs-0219 = လူကို ထိခိုက်နစ်နာစေသော သို့မဟုတ် ထိခိုက်နစ်နာစေရန် ရည်ရွယ်သော အခြား ပြုလုပ်မှုများ
# en: Injurious acts of a sexual nature
iccs-03 = လိင်ပိုင်းဆိုင်ရာ သဘောသဘာဝရှိသော ထိခိုက်စေသည့် ပြုလုပ်မှုများ
# en: Sexual violence
iccs-0301 = လိင်ပိုင်းဆိုင်ရာ အကြမ်းဖက်မှု
# en: Rape
iccs-03011 = မုဒိမ်းမှု
# en: Sexual assault
iccs-03012 = လိင်ပိုင်းဆိုင်ရာ တိုက်ခိုက်မှု
# en: Other acts of sexual violence
iccs-03019 = အခြား လိင်ပိုင်းဆိုင်ရာ အကြမ်းဖက် ပြုလုပ်မှုများ
# en: Sexual exploitation
iccs-0302 = လိင်ပိုင်းဆိုင်ရာ အမြတ်ထုတ်ခြင်း
# en: Sexual exploitation of children
iccs-03022 = ကလေးသူငယ်များကို လိင်ပိုင်းဆိုင်ရာ အမြတ်ထုတ်ခြင်း
# en: Child pornography
iccs-030221 = ကလေးသူငယ် ညစ်ညမ်းရုပ်ပုံ
# en: Acts against property involving violence or threat against a person
iccs-04 = လူကို အကြမ်းဖက်ခြင်း သို့မဟုတ် ခြိမ်းခြောက်ခြင်း ပါဝင်သော ပစ္စည်းဆိုင်ရာ ပြုလုပ်မှုများ
# en: Robbery
iccs-0401 = လုယက်မှု
# en: Acts against property only
iccs-05 = ပစ္စည်းကိုသာ ဆန့်ကျင်သော ပြုလုပ်မှုများ
# en: Burglary
iccs-0501 = အိမ်ဖောက်ထွင်းမှု
# en: Burglary of private residential premises
iccs-05012 = ကိုယ်ပိုင် နေအိမ်ကို ဖောက်ထွင်းမှု
# en: Theft
iccs-0502 = ခိုးမှု
# en: Theft of a motorized vehicle or parts thereof
iccs-05021 = မော်တော်ယာဉ် သို့မဟုတ် ၎င်း၏ အစိတ်အပိုင်းများ ခိုးမှု
# en: Theft of a motorized land vehicle
iccs-050211 = ကုန်းလမ်း မော်တော်ယာဉ် ခိုးမှု
# en: Acts involving controlled drugs or other psychoactive substances
iccs-06 = ထိန်းချုပ်ထားသော မူးယစ်ဆေးဝါး သို့မဟုတ် အခြား စိတ်ကိုပြောင်းလဲစေသော ဆေးဝါးများ ပါဝင်သော ပြုလုပ်မှုများ
# en: Unlawful acts involving controlled drugs or precursors
iccs-0601 = ထိန်းချုပ်ထားသော မူးယစ်ဆေးဝါး သို့မဟုတ် ဓာတုပစ္စည်း အစပျိုးပစ္စည်းများ ပါဝင်သော တရားမဝင် ပြုလုပ်မှုများ
# en: Acts involving fraud, deception or corruption
iccs-07 = လိမ်လည်မှု၊ လှည့်စားမှု သို့မဟုတ် အကျင့်ပျက်ခြစားမှု ပါဝင်သော ပြုလုပ်မှုများ
# en: Fraud
iccs-0701 = လိမ်လည်မှု
# en: Corruption
iccs-0703 = အကျင့်ပျက်ခြစားမှု
# en: Bribery
iccs-07031 = လာဘ်ပေးလာဘ်ယူမှု
# en: Money laundering
iccs-07041 = ငွေကြေးခဝါချမှု
# en: Acts against public order, authority and provisions of the State
iccs-08 = လူထု အေးချမ်းသာယာရေး၊ အာဏာပိုင်နှင့် နိုင်ငံတော်၏ ပြဋ္ဌာန်းချက်များကို ဆန့်ကျင်သော ပြုလုပ်မှုများ
# en: Smuggling of migrants offences
iccs-08051 = ရွှေ့ပြောင်းသူများကို မှောင်ခိုသယ်ဆောင်မှုဆိုင်ရာ ပြစ်မှုများ
# en: Acts against public safety and state security
iccs-09 = လူထု ဘေးကင်းရေးနှင့် နိုင်ငံတော် လုံခြုံရေးကို ဆန့်ကျင်သော ပြုလုပ်မှုများ
# en: Acts against computer systems
iccs-0903 = ကွန်ပျူတာ စနစ်များကို ဆန့်ကျင်သော ပြုလုပ်မှုများ
# en: Unlawful access to a computer system
iccs-09031 = ကွန်ပျူတာ စနစ်သို့ တရားမဝင် ဝင်ရောက်မှု
# en: Participation in an organized criminal group
iccs-09051 = ဂိုဏ်းဖွဲ့ ရာဇဝတ်အုပ်စုတွင် ပါဝင်မှု
# en: Acts against the natural environment
iccs-10 = သဘာဝ ပတ်ဝန်းကျင်ကို ဆန့်ကျင်သော ပြုလုပ်မှုများ
# en: Acts that cause environmental pollution or degradation
iccs-1001 = ပတ်ဝန်းကျင် ညစ်ညမ်းမှု သို့မဟုတ် ယိုယွင်းမှုကို ဖြစ်စေသော ပြုလုပ်မှုများ
# en: Acts involving the movement or dumping of waste
iccs-1002 = စွန့်ပစ်ပစ္စည်းများ ရွှေ့ပြောင်းခြင်း သို့မဟုတ် စွန့်ပစ်ခြင်း ပါဝင်သော ပြုလုပ်မှုများ
# en: Trade or possession of protected or prohibited species of fauna and flora
iccs-1003 = ကာကွယ်ထားသော သို့မဟုတ် တားမြစ်ထားသော တိရစ္ဆာန်နှင့် အပင် မျိုးစိတ်များကို ရောင်းဝယ်ခြင်း သို့မဟုတ် လက်ဝယ်ထားရှိခြင်း
# en: Acts that result in the depletion or degradation of natural resources
iccs-1004 = သဘာဝ သယံဇာတများ ကုန်ခမ်းခြင်း သို့မဟုတ် ယိုယွင်းခြင်းကို ဖြစ်စေသော ပြုလုပ်မှုများ
# en: Other criminal acts not elsewhere classified
iccs-11 = အခြားနေရာတွင် အမျိုးအစား ခွဲခြားမထားသော အခြား ရာဇဝတ် ပြုလုပ်မှုများ
