import { Bot, Mail, MapPin, MessageCircle, Phone, Users, type LucideIcon } from "lucide-react";

const ICONS: Record<string, LucideIcon> = {
  visit: MapPin,
  call: Phone,
  meeting: Users,
  email: Mail,
  whatsapp: MessageCircle,
  system: Bot,
};

export function ActivityTypeIcon({ type, className }: { type: string; className?: string }) {
  const Icon = ICONS[type] ?? Bot;
  return <Icon aria-hidden className={className} />;
}
