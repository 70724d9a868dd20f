import { defineMessages } from '../define';

/** Site-rule files (export / import a taught rule) and per-field selector health in the dashboard. */
export const siteRuleMessages = defineMessages(
  {
    'rules.export': 'Export',
    'rules.exportFor': 'Export the rule for {origin} as a file',
    'rules.exported': 'Saved {file}. Import it in another browser from Sites › Import a rule file.',
    'rules.overrides': 'Replaces the built-in {adapter} reading',
    'rules.import.title': 'Import a rule file',
    'rules.import.lead':
      'A colleague fixed a page? Import their rule file here. Buyer Tiers asks for access to that site when you import.',
    'rules.import.choose': 'Choose a rule file',
    'rules.import.preview': 'Rule for {origin}: “{label}”, taught on {date}.',
    'rules.import.fields': 'Reads: {fields}.',
    'rules.import.replaces': 'This site already has a rule; importing replaces it.',
    'rules.import.overrides':
      'Buyer Tiers has a built-in adapter for this site ({adapter}). This rule replaces its reading until you delete the rule.',
    'rules.import.confirm': 'Allow access and import',
    'rules.import.cancel': 'Cancel',
    'rules.import.done': 'Rule for {origin} imported. Reload that page to see the badges.',
    'rules.import.denied': 'Access to {origin} was not allowed, so the rule was not imported.',
    'rules.import.notJson': '{file} is not a JSON file.',
    'rules.import.notRule': '{file} is not a Buyer Tiers site rule file.',
    'rules.import.newer':
      '{file} was made by a newer Buyer Tiers (file version {version}). Update Buyer Tiers first.',
    'rules.import.badField': 'In {file}, the field “{field}” is missing or not valid ({detail}).',
    'rules.import.noBuyer': '{file} does not say where the buyer name is on the page.',
    'rules.import.tooBig': '{file} is too large for a rule file (at most 64 KB).',
    'rules.field.chatBuyerSelector': 'buyer in the chat',
    'rules.field.chatInputSelector': 'reply box',
    'rules.field.listBuyerSelector': 'buyers in lists',
    'rules.field.orderRowSelector': 'order rows',
  },
  {
    'rules.export': '导出',
    'rules.exportFor': '将 {origin} 的规则导出为文件',
    'rules.exported': '已保存 {file}。在另一个浏览器的“站点 › 导入规则文件”中导入即可。',
    'rules.overrides': '替代内置的 {adapter} 识别',
    'rules.import.title': '导入规则文件',
    'rules.import.lead':
      '同事已经修好了某个页面？在这里导入他们的规则文件。导入时 Buyer Tiers 会请求访问该站点。',
    'rules.import.choose': '选择规则文件',
    'rules.import.preview': '{origin} 的规则：“{label}”，教学于 {date}。',
    'rules.import.fields': '识别：{fields}。',
    'rules.import.replaces': '该站点已有规则，导入后将替换它。',
    'rules.import.overrides':
      'Buyer Tiers 对该站点有内置适配（{adapter}）。删除此规则之前，将由它替代内置识别。',
    'rules.import.confirm': '授权并导入',
    'rules.import.cancel': '取消',
    'rules.import.done': '{origin} 的规则已导入。重新加载该页面即可看到标记。',
    'rules.import.denied': '未获准访问 {origin}，规则没有导入。',
    'rules.import.notJson': '{file} 不是 JSON 文件。',
    'rules.import.notRule': '{file} 不是 Buyer Tiers 站点规则文件。',
    'rules.import.newer':
      '{file} 由更新版本的 Buyer Tiers 生成（文件版本 {version}），请先更新 Buyer Tiers。',
    'rules.import.badField': '{file} 中的字段“{field}”缺失或无效（{detail}）。',
    'rules.import.noBuyer': '{file} 没有指明页面上买家昵称的位置。',
    'rules.import.tooBig': '{file} 太大，不是规则文件（最大 64 KB）。',
    'rules.field.chatBuyerSelector': '聊天中的买家',
    'rules.field.chatInputSelector': '回复框',
    'rules.field.listBuyerSelector': '列表中的买家',
    'rules.field.orderRowSelector': '订单行',
  },
);
