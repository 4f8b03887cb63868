//! The response shapes of marketing data, shared by its operations.

use chrono::{DateTime, NaiveDate, Utc};
use persistence::crm::marketing::{ChannelRow, EventRow, ProductRow, SpendRow};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

#[derive(Debug, Serialize, ToSchema)]
pub struct Channel {
    #[schema(example = "instagram_ads")]
    pub code: String,
    pub name: String,
    /// organic, ads, referral, event or other.
    pub source_group: String,
    /// tiktok, instagram, meta or google for paid channels.
    pub ads_platform: Option<String>,
    pub is_active: bool,
    /// Values (UTM sources, form entries) that mean this channel.
    pub aliases: Vec<String>,
}

impl From<ChannelRow> for Channel {
    fn from(r: ChannelRow) -> Self {
        Self {
            code: r.code,
            name: r.name,
            source_group: r.source_group,
            ads_platform: r.ads_platform,
            is_active: r.is_active,
            aliases: r.aliases,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Product {
    pub id: Uuid,
    #[schema(example = "EXIM-FCL")]
    pub code: String,
    pub name: String,
    /// EXIM, DOM, IMP or WH.
    pub service: Option<String>,
    pub description: String,
    pub is_active: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<ProductRow> for Product {
    fn from(r: ProductRow) -> Self {
        Self {
            id: r.id,
            code: r.code,
            name: r.name,
            service: r.service,
            description: r.description,
            is_active: r.is_active,
            created_at: r.created_at,
            updated_at: r.updated_at,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Spend {
    pub id: Uuid,
    /// tiktok, instagram, meta or google.
    pub platform: String,
    pub spend_date: NaiveDate,
    /// IDR, decimal string.
    #[schema(example = "1500000.00")]
    pub amount: String,
    pub impressions: Option<i64>,
    pub clicks: Option<i64>,
    pub campaign: Option<String>,
    pub created_by: Option<Uuid>,
    pub created_by_name: Option<String>,
    pub created_at: DateTime<Utc>,
}

impl From<SpendRow> for Spend {
    fn from(r: SpendRow) -> Self {
        Self {
            id: r.id,
            platform: r.platform,
            spend_date: r.spend_date,
            amount: r.amount,
            impressions: r.impressions,
            clicks: r.clicks,
            campaign: r.campaign,
            created_by: r.created_by,
            created_by_name: r.created_by_name,
            created_at: r.created_at,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MarketingEvent {
    pub id: Uuid,
    pub event_date: NaiveDate,
    pub title: String,
    /// campaign, content, exhibition, webinar, promotion or other.
    pub event_type: String,
    pub channel: Option<String>,
    pub description: String,
    /// IDR, decimal string.
    pub budget: Option<String>,
    pub created_by: Option<Uuid>,
    pub created_by_name: Option<String>,
    pub created_at: DateTime<Utc>,
}

impl From<EventRow> for MarketingEvent {
    fn from(r: EventRow) -> Self {
        Self {
            id: r.id,
            event_date: r.event_date,
            title: r.title,
            event_type: r.event_type,
            channel: r.channel,
            description: r.description,
            budget: r.budget,
            created_by: r.created_by,
            created_by_name: r.created_by_name,
            created_at: r.created_at,
        }
    }
}
