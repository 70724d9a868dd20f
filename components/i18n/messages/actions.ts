import { defineMessages } from '../define';

/** Titles of the suggested actions: one key per `titleKey` of DEFAULT_ACTION_TEMPLATES. */
export const actionMessages = defineMessages(
  {
    'action.vip-service': 'Priority service for a VIP',
    'action.repurchase-reminder': 'Repurchase reminder',
    'action.win-back': 'Win back',
    'action.welcome-guide': 'Welcome and usage guide',
    'action.business-pricing': 'Offer business pricing',
    'action.bundle-discount': 'Suggest a bundle deal',
    'action.premium-picks': 'Show premium picks',
    'action.repurchase-soon': 'Restock is due soon',
    'action.member-program': 'Invite to the member program',
    'action.loyal-thanks': 'Thank a loyal buyer',
    'action.check-in': 'Check in',
    'action.first-order-welcome': 'Welcome with a first-order offer',
    'action.quality-guarantee': 'Reassure on quality',
    'action.delivery-times': 'Answer on delivery times',
    'action.product-details': 'Explain how it works',
  },
  {
    'action.vip-service': 'VIP 优先服务',
    'action.repurchase-reminder': '回购提醒',
    'action.win-back': '挽回流失客户',
    'action.welcome-guide': '欢迎与使用指南',
    'action.business-pricing': '提供企业批量价',
    'action.bundle-discount': '推荐组合优惠',
    'action.premium-picks': '推荐精品',
    'action.repurchase-soon': '即将需要补货',
    'action.member-program': '邀请加入会员',
    'action.loyal-thanks': '感谢老客户',
    'action.check-in': '回访问候',
    'action.first-order-welcome': '新客欢迎与首单优惠',
    'action.quality-guarantee': '品质保障答复',
    'action.delivery-times': '答复发货与送达时间',
    'action.product-details': '介绍使用方法',
  },
);
