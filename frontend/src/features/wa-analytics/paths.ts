/** Where the CRM Effectiveness dashboard lives: a tab of the dashboard (a light module). */
export const CRM_EFFECTIVENESS_PATH = "/dashboard/crm-effectiveness";
