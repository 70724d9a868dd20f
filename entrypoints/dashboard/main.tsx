import { render } from 'preact';
import { DashboardApp } from '@/components/dashboard/DashboardApp';
import '@/components/ui/theme.css';
import '@/components/dashboard/dashboard.css';

render(<DashboardApp />, document.getElementById('app')!);
