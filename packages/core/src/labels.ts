/**
 * Vietnamese and English labels of every value of every enum in `entities/enums.ts`.
 * Each map is a `Record` over its union, so a value without a label does not compile.
 * (Labels of the rules' criteria and failure codes sit beside those rules.)
 */
import type * as E from './entities/enums.js';

/** A text in Vietnamese and English. */
export interface Label {
  readonly vi: string;
  readonly en: string;
}

/** The labels of every value of the union `T`. */
export type Labels<T extends string> = Readonly<Record<T, Label>>;

/** A language of the API and the reports. */
export type Language = 'vi' | 'en';

/** The label of `value` in `language`. */
export function labelOf<T extends string>(labels: Labels<T>, value: T, language: Language): string {
  return labels[value][language];
}

/** Labels of {@link E.ResidentialAreaKind}. */
export const RESIDENTIAL_AREA_KIND_LABELS: Labels<E.ResidentialAreaKind> = {
  THON: { vi: 'Thôn', en: 'Village (thôn)' },
  LANG: { vi: 'Làng', en: 'Village (làng)' },
  AP: { vi: 'Ấp', en: 'Hamlet (ấp)' },
  BAN: { vi: 'Bản', en: 'Village (bản)' },
  BUON: { vi: 'Buôn', en: 'Village (buôn)' },
  PHUM: { vi: 'Phum', en: 'Village (phum)' },
  SOC: { vi: 'Sóc', en: 'Village (sóc)' },
  XOM: { vi: 'Xóm', en: 'Hamlet (xóm)' },
  KHOM: { vi: 'Khóm', en: 'Urban quarter (khóm)' },
  TO_DAN_PHO: { vi: 'Tổ dân phố', en: 'Residential group' },
  KHU_PHO: { vi: 'Khu phố', en: 'Urban quarter (khu phố)' },
};

/** Labels of {@link E.OrganizationKind}. */
export const ORGANIZATION_KIND_LABELS: Labels<E.OrganizationKind> = {
  AGENCY: { vi: 'Cơ quan', en: 'Agency' },
  ENTERPRISE: { vi: 'Doanh nghiệp', en: 'Enterprise' },
  SCHOOL: { vi: 'Cơ sở giáo dục', en: 'Educational institution' },
};

/** Labels of {@link E.EnterpriseSize}. */
export const ENTERPRISE_SIZE_LABELS: Labels<E.EnterpriseSize> = {
  MICRO: { vi: 'Doanh nghiệp siêu nhỏ', en: 'Micro enterprise' },
  SMALL: { vi: 'Doanh nghiệp nhỏ', en: 'Small enterprise' },
  MEDIUM: { vi: 'Doanh nghiệp vừa', en: 'Medium enterprise' },
  LARGE: { vi: 'Doanh nghiệp lớn', en: 'Large enterprise' },
};

/** Labels of {@link E.SchoolLevel}. */
export const SCHOOL_LEVEL_LABELS: Labels<E.SchoolLevel> = {
  NURSERY: { vi: 'Nhà trẻ', en: 'Nursery' },
  PRESCHOOL: { vi: 'Mầm non, mẫu giáo', en: 'Preschool' },
  PRIMARY: { vi: 'Tiểu học', en: 'Primary school' },
  LOWER_SECONDARY: { vi: 'Trung học cơ sở', en: 'Lower secondary school' },
  UPPER_SECONDARY: { vi: 'Trung học phổ thông', en: 'Upper secondary school' },
  CONTINUING_EDUCATION: { vi: 'Giáo dục thường xuyên', en: 'Continuing education centre' },
  VOCATIONAL: { vi: 'Giáo dục nghề nghiệp', en: 'Vocational school' },
  HIGHER_EDUCATION: { vi: 'Giáo dục đại học', en: 'Higher education institution' },
};

/** Labels of {@link E.HostKind}. */
export const HOST_KIND_LABELS: Labels<E.HostKind> = {
  RESIDENTIAL_AREA: { vi: 'Khu dân cư', en: 'Residential area' },
  COMMUNE: { vi: 'Xã, phường, thị trấn, đặc khu', en: 'Commune' },
  ORGANIZATION: { vi: 'Cơ quan, doanh nghiệp, cơ sở giáo dục', en: 'Organization' },
};

/** Labels of {@link E.ModelCategory}. */
export const MODEL_CATEGORY_LABELS: Labels<E.ModelCategory> = {
  CRIME_PREVENTION: { vi: 'Phòng, chống tội phạm', en: 'Crime prevention' },
  SELF_MANAGEMENT: { vi: 'Tự quản', en: 'Self-management' },
  MEDIATION: { vi: 'Hòa giải', en: 'Mediation' },
  TRAFFIC_ORDER: { vi: 'Trật tự an toàn giao thông', en: 'Traffic order' },
  FIRE_PREVENTION: { vi: 'Phòng cháy, chữa cháy', en: 'Fire prevention' },
  RELIGION: { vi: 'Tôn giáo', en: 'Religion' },
  ECONOMY: { vi: 'Kinh tế', en: 'Economy' },
  OTHER: { vi: 'Khác', en: 'Other' },
};

/** Labels of {@link E.CatalogueScope}. */
export const CATALOGUE_SCOPE_LABELS: Labels<E.CatalogueScope> = {
  NATIONAL: { vi: 'Danh mục toàn quốc', en: 'National catalogue' },
  PROVINCIAL: { vi: 'Danh mục của tỉnh', en: 'Provincial catalogue' },
};

/** Labels of {@link E.ModelBuilder}. */
export const MODEL_BUILDER_LABELS: Labels<E.ModelBuilder> = {
  POLICE: { vi: 'Công an', en: 'Police' },
  FATHERLAND_FRONT: { vi: 'Mặt trận Tổ quốc', en: 'Fatherland Front' },
  MASS_ORGANIZATION: { vi: 'Tổ chức chính trị - xã hội', en: 'Mass organization' },
  RESIDENTS: { vi: 'Nhân dân', en: 'Residents' },
  AGENCY_SECURITY_UNIT: { vi: 'Bộ phận bảo vệ của cơ quan, doanh nghiệp', en: "An agency's security unit" },
  OTHER: { vi: 'Khác', en: 'Other' },
};

/** Labels of {@link E.ModelState}. */
export const MODEL_STATE_LABELS: Labels<E.ModelState> = {
  PROPOSED: { vi: 'Đề xuất', en: 'Proposed' },
  SURVEYED: { vi: 'Đã khảo sát', en: 'Surveyed' },
  APPROVED: { vi: 'Đã phê duyệt', en: 'Approved' },
  ESTABLISHED: { vi: 'Đã thành lập', en: 'Established' },
  ACTIVE: { vi: 'Đang hoạt động', en: 'Active' },
  SUSPENDED: { vi: 'Tạm ngừng hoạt động', en: 'Suspended' },
  DISSOLVED: { vi: 'Đã giải thể', en: 'Dissolved' },
};

/** Labels of {@link E.LifecycleEventKind}. */
export const LIFECYCLE_EVENT_KIND_LABELS: Labels<E.LifecycleEventKind> = {
  PROPOSE: { vi: 'Đề xuất xây dựng', en: 'Propose' },
  SURVEY: { vi: 'Khảo sát', en: 'Survey' },
  APPROVE: { vi: 'Phê duyệt', en: 'Approve' },
  ESTABLISH: { vi: 'Ra mắt, thành lập', en: 'Establish' },
  ACTIVATE: { vi: 'Đưa vào hoạt động', en: 'Start operating' },
  SUSPEND: { vi: 'Tạm ngừng', en: 'Suspend' },
  RESUME: { vi: 'Hoạt động trở lại', en: 'Resume' },
  DISSOLVE: { vi: 'Giải thể', en: 'Dissolve' },
};

/** Labels of {@link E.ModelEffectiveness}. */
export const MODEL_EFFECTIVENESS_LABELS: Labels<E.ModelEffectiveness> = {
  EFFECTIVE: { vi: 'Hoạt động hiệu quả', en: 'Effective' },
  NOT_EFFECTIVE: { vi: 'Hoạt động chưa hiệu quả', en: 'Not effective' },
};

/** Labels of {@link E.ExemplarSubjectKind}. */
export const EXEMPLAR_SUBJECT_KIND_LABELS: Labels<E.ExemplarSubjectKind> = {
  MODEL: { vi: 'Mô hình', en: 'Model' },
  COLLECTIVE: { vi: 'Tập thể', en: 'Collective' },
  INDIVIDUAL: { vi: 'Cá nhân', en: 'Individual' },
};

/** Labels of {@link E.AwardLevel}. */
export const AWARD_LEVEL_LABELS: Labels<E.AwardLevel> = {
  COMMUNE: { vi: 'Cấp xã', en: 'Commune level' },
  DISTRICT: { vi: 'Cấp huyện', en: 'District level' },
  PROVINCE: { vi: 'Cấp tỉnh', en: 'Province level' },
  MINISTRY: { vi: 'Cấp Bộ', en: 'Ministry level' },
  GOVERNMENT: { vi: 'Thủ tướng Chính phủ', en: 'Prime Minister' },
  STATE: { vi: 'Chủ tịch nước', en: 'State President' },
};

/** Labels of {@link E.GradedUnitKind}. */
export const GRADED_UNIT_KIND_LABELS: Labels<E.GradedUnitKind> = {
  RESIDENTIAL_AREA: { vi: 'Khu dân cư', en: 'Residential area' },
  COMMUNE: { vi: 'Xã, phường, thị trấn', en: 'Commune' },
  DISTRICT: { vi: 'Huyện, quận, thị xã, thành phố thuộc tỉnh', en: 'District' },
  AGENCY: { vi: 'Cơ quan', en: 'Agency' },
  ENTERPRISE: { vi: 'Doanh nghiệp', en: 'Enterprise' },
  SCHOOL: { vi: 'Cơ sở giáo dục', en: 'School' },
};

/** Labels of {@link E.GradingLevel}. */
export const GRADING_LEVEL_LABELS: Labels<E.GradingLevel> = {
  EXCELLENT: { vi: 'Xuất sắc', en: 'Excellent' },
  GOOD: { vi: 'Khá', en: 'Good' },
  AVERAGE: { vi: 'Trung bình', en: 'Average' },
  WEAK: { vi: 'Yếu', en: 'Weak' },
};

/** Labels of {@link E.TeamRole}. */
export const TEAM_ROLE_LABELS: Labels<E.TeamRole> = {
  LEADER: { vi: 'Tổ trưởng', en: 'Team leader' },
  DEPUTY: { vi: 'Tổ phó', en: 'Deputy leader' },
  MEMBER: { vi: 'Tổ viên', en: 'Member' },
};

/** Labels of {@link E.TeamEvaluationLevel}. */
export const TEAM_EVALUATION_LEVEL_LABELS: Labels<E.TeamEvaluationLevel> = {
  EXCELLENT: { vi: 'Hoàn thành xuất sắc nhiệm vụ', en: 'Excellent' },
  GOOD: { vi: 'Hoàn thành tốt nhiệm vụ', en: 'Good' },
  COMPLETE: { vi: 'Hoàn thành nhiệm vụ', en: 'Complete' },
  NOT_COMPLETE: { vi: 'Không hoàn thành nhiệm vụ', en: 'Not complete' },
};

/** Labels of {@link E.EducationLevel}. */
export const EDUCATION_LEVEL_LABELS: Labels<E.EducationLevel> = {
  NONE: { vi: 'Chưa tốt nghiệp tiểu học', en: 'No primary certificate' },
  PRIMARY: { vi: 'Tốt nghiệp tiểu học', en: 'Primary' },
  LOWER_SECONDARY: { vi: 'Tốt nghiệp trung học cơ sở', en: 'Lower secondary' },
  UPPER_SECONDARY: { vi: 'Tốt nghiệp trung học phổ thông', en: 'Upper secondary' },
  POST_SECONDARY: { vi: 'Trung cấp, cao đẳng, đại học trở lên', en: 'Post-secondary' },
};

/** Labels of {@link E.TeamSizeBasis}. */
export const TEAM_SIZE_BASIS_LABELS: Labels<E.TeamSizeBasis> = {
  RESIDENTS: { vi: 'Số nhân khẩu', en: 'Residents' },
  HOUSEHOLDS: { vi: 'Số hộ gia đình', en: 'Households' },
};

/** Labels of {@link E.RulePackStatus}. */
export const RULE_PACK_STATUS_LABELS: Labels<E.RulePackStatus> = {
  IN_FORCE: { vi: 'Đang có hiệu lực', en: 'In force' },
  DRAFT: { vi: 'Dự thảo', en: 'Draft' },
};

/** Labels of {@link E.SeriousEventKind}. */
export const SERIOUS_EVENT_KIND_LABELS: Labels<E.SeriousEventKind> = {
  ANTI_PARTY_OR_ANTI_STATE_ACTIVITY: { vi: 'Hoạt động chống Đảng, chống chính quyền', en: 'Anti-Party or anti-State activity' },
  SEPARATIST_ACTIVITY: { vi: 'Hoạt động ly khai, tự trị', en: 'Separatist activity' },
  SABOTAGE: { vi: 'Hoạt động phá hoại', en: 'Sabotage' },
  ILLEGAL_RELIGION: { vi: 'Truyền đạo, hoạt động tôn giáo trái pháp luật', en: 'Illegal religious activity' },
  PROLONGED_DISPUTE: { vi: 'Tranh chấp, khiếu kiện đông người kéo dài', en: 'Prolonged mass dispute' },
  INCITEMENT: { vi: 'Kích động, gây rối an ninh, trật tự', en: 'Incitement to unrest' },
  OTHER_LISTED_EVENT: { vi: 'Vụ việc khác theo quy định', en: 'Other listed event' },
};

/** Labels of {@link E.InspectionKind}. */
export const INSPECTION_KIND_LABELS: Labels<E.InspectionKind> = {
  PLANNED: { vi: 'Kiểm tra theo kế hoạch', en: 'Planned inspection' },
  THEMATIC: { vi: 'Kiểm tra chuyên đề', en: 'Thematic inspection' },
  UNANNOUNCED: { vi: 'Kiểm tra đột xuất', en: 'Unannounced inspection' },
};

/** Labels of {@link E.InspectionSubjectKind}. */
export const INSPECTION_SUBJECT_KIND_LABELS: Labels<E.InspectionSubjectKind> = {
  UNIT: { vi: 'Đơn vị hành chính', en: 'Administrative unit' },
  RESIDENTIAL_AREA: { vi: 'Khu dân cư', en: 'Residential area' },
  ORGANIZATION: { vi: 'Cơ quan, doanh nghiệp, cơ sở giáo dục', en: 'Organization' },
  MODEL: { vi: 'Mô hình', en: 'Model' },
  SECURITY_TEAM: { vi: 'Tổ bảo vệ an ninh, trật tự', en: 'Security team' },
};

/** Labels of {@link E.FollowUpStatus}. */
export const FOLLOW_UP_STATUS_LABELS: Labels<E.FollowUpStatus> = {
  OPEN: { vi: 'Đang thực hiện', en: 'Open' },
  DONE: { vi: 'Đã hoàn thành', en: 'Done' },
  CANCELLED: { vi: 'Đã hủy', en: 'Cancelled' },
};

/** Labels of {@link E.InspectionStatus}. */
export const INSPECTION_STATUS_LABELS: Labels<E.InspectionStatus> = {
  PLANNED: { vi: 'Đã lên kế hoạch', en: 'Planned' },
  DONE: { vi: 'Đã kiểm tra', en: 'Done' },
  CANCELLED: { vi: 'Đã hủy', en: 'Cancelled' },
};

/** Labels of {@link E.InspectionRating}. */
export const INSPECTION_RATING_LABELS: Labels<E.InspectionRating> = {
  GOOD: { vi: 'Tốt', en: 'Good' },
  FAIR: { vi: 'Khá', en: 'Fair' },
  AVERAGE: { vi: 'Trung bình', en: 'Average' },
  WEAK: { vi: 'Yếu', en: 'Weak' },
};

/** Labels of {@link E.FollowUpState}. */
export const FOLLOW_UP_STATE_LABELS: Labels<E.FollowUpState> = {
  OPEN: { vi: 'Đang thực hiện', en: 'Open' },
  OVERDUE: { vi: 'Quá hạn', en: 'Overdue' },
  DONE: { vi: 'Đã hoàn thành', en: 'Done' },
  CANCELLED: { vi: 'Đã hủy', en: 'Cancelled' },
};

/** Labels of {@link E.OutreachForm}. */
export const OUTREACH_FORM_LABELS: Labels<E.OutreachForm> = {
  MEETING: { vi: 'Họp dân, hội nghị', en: 'Meeting' },
  LOUDSPEAKER: { vi: 'Loa phát thanh', en: 'Loudspeaker' },
  LEAFLET: { vi: 'Tờ rơi, áp phích', en: 'Leaflets' },
  SOCIAL_MEDIA: { vi: 'Mạng xã hội', en: 'Social media' },
  FESTIVAL_DAY: { vi: 'Ngày hội toàn dân bảo vệ ANTQ (19/8)', en: 'Festival day (19 August)' },
  DOOR_TO_DOOR: { vi: 'Đến từng hộ gia đình', en: 'Door to door' },
  PERFORMANCE: { vi: 'Văn nghệ, sân khấu hóa', en: 'Performance' },
  OTHER: { vi: 'Hình thức khác', en: 'Other' },
};

/** Labels of {@link E.OutreachAudience}. */
export const OUTREACH_AUDIENCE_LABELS: Labels<E.OutreachAudience> = {
  RESIDENTS: { vi: 'Nhân dân', en: 'Residents' },
  STUDENTS: { vi: 'Học sinh, sinh viên', en: 'Students' },
  RELIGIOUS_FOLLOWERS: { vi: 'Chức sắc, tín đồ tôn giáo', en: 'Religious followers' },
  WORKERS: { vi: 'Công nhân, người lao động', en: 'Workers' },
  ETHNIC_MINORITIES: { vi: 'Đồng bào dân tộc thiểu số', en: 'Ethnic minorities' },
  YOUTH: { vi: 'Thanh thiếu niên', en: 'Youth' },
  OTHER: { vi: 'Đối tượng khác', en: 'Other' },
};

/** Labels of {@link E.PartnerKind}. */
export const PARTNER_KIND_LABELS: Labels<E.PartnerKind> = {
  FATHERLAND_FRONT: { vi: 'Mặt trận Tổ quốc', en: 'Fatherland Front' },
  YOUTH_UNION: { vi: 'Đoàn Thanh niên', en: 'Youth Union' },
  WOMENS_UNION: { vi: 'Hội Liên hiệp Phụ nữ', en: "Women's Union" },
  VETERANS_ASSOCIATION: { vi: 'Hội Cựu chiến binh', en: "Veterans' Association" },
  FARMERS_ASSOCIATION: { vi: 'Hội Nông dân', en: "Farmers' Association" },
  ARMY: { vi: 'Quân đội', en: 'Army' },
  BORDER_GUARD: { vi: 'Bộ đội Biên phòng', en: 'Border Guard' },
  OTHER: { vi: 'Tổ chức khác', en: 'Other' },
};

/** Labels of {@link E.TipChannel}. */
export const TIP_CHANNEL_LABELS: Labels<E.TipChannel> = {
  IN_PERSON: { vi: 'Trực tiếp', en: 'In person' },
  PHONE: { vi: 'Điện thoại', en: 'Phone' },
  HOTLINE: { vi: 'Đường dây nóng', en: 'Hotline' },
  ONLINE: { vi: 'Trực tuyến', en: 'Online' },
  MAIL: { vi: 'Thư', en: 'Mail' },
};

/** Labels of {@link E.TipStatus}. */
export const TIP_STATUS_LABELS: Labels<E.TipStatus> = {
  RECEIVED: { vi: 'Đã tiếp nhận', en: 'Received' },
  VERIFYING: { vi: 'Đang xác minh', en: 'Verifying' },
  FORWARDED: { vi: 'Đã chuyển xử lý', en: 'Forwarded' },
  RESOLVED: { vi: 'Đã giải quyết', en: 'Resolved' },
  REJECTED: { vi: 'Không có cơ sở', en: 'Unfounded' },
};

/** Labels of {@link E.TipCategory}. */
export const TIP_CATEGORY_LABELS: Labels<E.TipCategory> = {
  DRUGS: { vi: 'Ma túy', en: 'Drugs' },
  THEFT: { vi: 'Trộm cắp', en: 'Theft' },
  GAMBLING: { vi: 'Cờ bạc', en: 'Gambling' },
  VIOLENCE: { vi: 'Bạo lực, cố ý gây thương tích', en: 'Violence' },
  FRAUD: { vi: 'Lừa đảo', en: 'Fraud' },
  SMUGGLING: { vi: 'Buôn lậu', en: 'Smuggling' },
  PUBLIC_ORDER: { vi: 'Trật tự công cộng', en: 'Public order' },
  NATIONAL_SECURITY: { vi: 'An ninh quốc gia', en: 'National security' },
  OTHER: { vi: 'Khác', en: 'Other' },
};

/** Labels of {@link E.ReintegrationStatus}. */
export const REINTEGRATION_STATUS_LABELS: Labels<E.ReintegrationStatus> = {
  ONGOING: { vi: 'Đang giúp đỡ', en: 'Ongoing' },
  COMPLETED: { vi: 'Đã tiến bộ, hòa nhập', en: 'Reintegrated' },
  REOFFENDED: { vi: 'Tái phạm', en: 'Reoffended' },
  MOVED_AWAY: { vi: 'Đã chuyển đi nơi khác', en: 'Moved away' },
  CLOSED: { vi: 'Kết thúc', en: 'Closed' },
};

/** Labels of {@link E.MentorKind}. */
export const MENTOR_KIND_LABELS: Labels<E.MentorKind> = {
  FAMILY: { vi: 'Gia đình', en: 'Family' },
  ORGANIZATION: { vi: 'Tổ chức, đoàn thể', en: 'Organization' },
  SECURITY_TEAM: { vi: 'Tổ bảo vệ an ninh, trật tự', en: 'Security team' },
  POLICE: { vi: 'Công an', en: 'Police' },
  OTHER: { vi: 'Khác', en: 'Other' },
};

/** Labels of {@link E.RecipientKind}. */
export const RECIPIENT_KIND_LABELS: Labels<E.RecipientKind> = {
  COLLECTIVE: { vi: 'Tập thể', en: 'Collective' },
  INDIVIDUAL: { vi: 'Cá nhân', en: 'Individual' },
};

/** Labels of {@link E.CommendationForm}. */
export const COMMENDATION_FORM_LABELS: Labels<E.CommendationForm> = {
  CERTIFICATE_OF_MERIT: { vi: 'Bằng khen', en: 'Certificate of merit' },
  LETTER_OF_COMMENDATION: { vi: 'Giấy khen', en: 'Letter of commendation' },
  EMULATION_FLAG: { vi: 'Cờ thi đua', en: 'Emulation flag' },
  MEDAL: { vi: 'Huân chương, huy chương', en: 'Medal' },
  OTHER: { vi: 'Hình thức khác', en: 'Other' },
};

/** Labels of {@link E.KeyAreaCategory}. */
export const KEY_AREA_CATEGORY_LABELS: Labels<E.KeyAreaCategory> = {
  NATIONAL_SECURITY: { vi: 'An ninh quốc gia', en: 'National security' },
  CRIME: { vi: 'Tội phạm', en: 'Crime' },
  SOCIAL_EVILS: { vi: 'Tệ nạn xã hội', en: 'Social evils' },
  RELIGION: { vi: 'Tôn giáo', en: 'Religion' },
  ETHNIC: { vi: 'Dân tộc', en: 'Ethnic affairs' },
  BORDER: { vi: 'Biên giới', en: 'Border' },
  OTHER: { vi: 'Khác', en: 'Other' },
};

/** Labels of {@link E.CollectiveKind}. */
export const COLLECTIVE_KIND_LABELS: Labels<E.CollectiveKind> = {
  ORGANIZATION: { vi: 'Cơ quan, doanh nghiệp, nhà trường', en: 'Organization' },
  RESIDENTIAL_AREA: { vi: 'Khu dân cư', en: 'Residential area' },
  SECURITY_TEAM: { vi: 'Tổ bảo vệ an ninh, trật tự', en: 'Security team' },
};

/** Labels of {@link E.InfluenceKind}. */
export const INFLUENCE_KIND_LABELS: Labels<E.InfluenceKind> = {
  RELIGIOUS_DIGNITARY: { vi: 'Chức sắc tôn giáo', en: 'Religious dignitary' },
  REPUTABLE_PERSON: { vi: 'Người có uy tín', en: 'Reputable person' },
};

/** Labels of {@link E.Religion}. */
export const RELIGION_LABELS: Labels<E.Religion> = {
  BUDDHISM: { vi: 'Phật giáo', en: 'Buddhism' },
  CATHOLICISM: { vi: 'Công giáo', en: 'Catholicism' },
  PROTESTANTISM: { vi: 'Tin Lành', en: 'Protestantism' },
  CAODAISM: { vi: 'Cao Đài', en: 'Caodaism' },
  HOA_HAO_BUDDHISM: { vi: 'Phật giáo Hòa Hảo', en: 'Hoa Hao Buddhism' },
  ISLAM: { vi: 'Hồi giáo', en: 'Islam' },
  OTHER: { vi: 'Tôn giáo khác', en: 'Other religion' },
};
